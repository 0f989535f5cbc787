using System.Globalization;
using Humanizer;

namespace NewsApi.Features.Presentation;

/// <summary>
/// Dates as readers read them, formatted on the server so every front end says the same thing: ISO 8601, relative
/// ("منذ ٥ دقائق", Humanizer's Arabic), or long, in the Gregorian calendar with the month names of the Levant and
/// Iraq ("تشرين الثاني", as the newsroom writes them) or the Hijri calendar (.NET's Umm al-Qura).
/// </summary>
public static class DisplayDates
{
    private static readonly CultureInfo ArabicGregorian = CultureInfo.GetCultureInfo("ar-IQ");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo ArabicHijri = HijriCulture();
    private static readonly UmAlQuraCalendar Hijri = new();

    private static readonly string[] EnglishHijriMonths =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    public static string Format(DateTime utc, DateTime now, DateStyle style, CalendarSystem calendar, string locale, DigitShape digits, TimeZoneInfo zone)
    {
        var arabic = IsArabic(locale);
        var text = style switch
        {
            DateStyle.Iso => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateStyle.Relative => utc.Humanize(utcDate: true, dateToCompareAgainst: now, culture: arabic ? ArabicGregorian : English),
            _ => Long(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), calendar, arabic),
        };
        return Digits.Shape(text, digits);
    }

    /// <summary>"ar" and "en" (and their regional forms) are the languages dates are written in.</summary>
    public static bool IsSupportedLocale(string locale) => IsArabic(locale) || locale.Equals("en", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase);

    private static bool IsArabic(string locale) => locale.Equals("ar", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("ar-", StringComparison.OrdinalIgnoreCase);

    private static string Long(DateTime local, CalendarSystem calendar, bool arabic)
    {
        if (calendar == CalendarSystem.Gregorian)
        {
            return local.ToString(arabic ? "dddd d MMMM yyyy" : "dddd d MMMM yyyy", arabic ? ArabicGregorian : English);
        }

        if (arabic)
        {
            return local.ToString("dddd d MMMM yyyy", ArabicHijri) + " هـ";
        }

        var month = EnglishHijriMonths[Hijri.GetMonth(local) - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{local.ToString("dddd", English)} {Hijri.GetDayOfMonth(local)} {month} {Hijri.GetYear(local)} AH");
    }

    private static CultureInfo HijriCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new UmAlQuraCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
