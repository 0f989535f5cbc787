using NewsApi.Features.Presentation;

namespace NewsApi.Tests.Features.Presentation;

public sealed class DisplayDatesTests
{
    // Sunday 29 November 2026, 01:00 UTC (04:00 in Baghdad), five minutes before "now"; 19 Jumada al-Akhirah 1448.
    private static readonly DateTime Published = new(2026, 11, 29, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Published.AddMinutes(5);
    private static readonly TimeZoneInfo Baghdad = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baghdad");

    [TestCase(DateStyle.Iso, CalendarSystem.Gregorian, "ar", DigitShape.Latin, "2026-11-29T01:00:00Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Gregorian, "ar", DigitShape.ArabicIndic, "٢٠٢٦-١١-٢٩T٠١:٠٠:٠٠Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Gregorian, "en", DigitShape.Latin, "2026-11-29T01:00:00Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Gregorian, "en", DigitShape.ArabicIndic, "٢٠٢٦-١١-٢٩T٠١:٠٠:٠٠Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Hijri, "ar", DigitShape.Latin, "2026-11-29T01:00:00Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Hijri, "ar", DigitShape.ArabicIndic, "٢٠٢٦-١١-٢٩T٠١:٠٠:٠٠Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Hijri, "en", DigitShape.Latin, "2026-11-29T01:00:00Z")]
    [TestCase(DateStyle.Iso, CalendarSystem.Hijri, "en", DigitShape.ArabicIndic, "٢٠٢٦-١١-٢٩T٠١:٠٠:٠٠Z")]
    [TestCase(DateStyle.Relative, CalendarSystem.Gregorian, "ar", DigitShape.Latin, "منذ 5 دقائق")]
    [TestCase(DateStyle.Relative, CalendarSystem.Gregorian, "ar", DigitShape.ArabicIndic, "منذ ٥ دقائق")]
    [TestCase(DateStyle.Relative, CalendarSystem.Gregorian, "en", DigitShape.Latin, "5 minutes ago")]
    [TestCase(DateStyle.Relative, CalendarSystem.Gregorian, "en", DigitShape.ArabicIndic, "٥ minutes ago")]
    [TestCase(DateStyle.Relative, CalendarSystem.Hijri, "ar", DigitShape.Latin, "منذ 5 دقائق")]
    [TestCase(DateStyle.Relative, CalendarSystem.Hijri, "ar", DigitShape.ArabicIndic, "منذ ٥ دقائق")]
    [TestCase(DateStyle.Relative, CalendarSystem.Hijri, "en", DigitShape.Latin, "5 minutes ago")]
    [TestCase(DateStyle.Relative, CalendarSystem.Hijri, "en", DigitShape.ArabicIndic, "٥ minutes ago")]
    [TestCase(DateStyle.Long, CalendarSystem.Gregorian, "ar", DigitShape.Latin, "الأحد 29 تشرين الثاني 2026")]
    [TestCase(DateStyle.Long, CalendarSystem.Gregorian, "ar", DigitShape.ArabicIndic, "الأحد ٢٩ تشرين الثاني ٢٠٢٦")]
    [TestCase(DateStyle.Long, CalendarSystem.Gregorian, "en", DigitShape.Latin, "Sunday 29 November 2026")]
    [TestCase(DateStyle.Long, CalendarSystem.Gregorian, "en", DigitShape.ArabicIndic, "Sunday ٢٩ November ٢٠٢٦")]
    [TestCase(DateStyle.Long, CalendarSystem.Hijri, "ar", DigitShape.Latin, "الأحد 19 جمادى الآخرة 1448 هـ")]
    [TestCase(DateStyle.Long, CalendarSystem.Hijri, "ar", DigitShape.ArabicIndic, "الأحد ١٩ جمادى الآخرة ١٤٤٨ هـ")]
    [TestCase(DateStyle.Long, CalendarSystem.Hijri, "en", DigitShape.Latin, "Sunday 19 Jumada al-Akhirah 1448 AH")]
    [TestCase(DateStyle.Long, CalendarSystem.Hijri, "en", DigitShape.ArabicIndic, "Sunday ١٩ Jumada al-Akhirah ١٤٤٨ AH")]
    public void Every_format_calendar_locale_and_digits_combination_reads_as_written(DateStyle style, CalendarSystem calendar, string locale, DigitShape digits, string expected)
    {
        Assert.That(DisplayDates.Format(Published, Now, style, calendar, locale, digits, Baghdad), Is.EqualTo(expected));
    }

    [TestCase(-1, "منذ دقيقة واحدة")]
    [TestCase(-2, "منذ دقيقتين")]
    [TestCase(-180, "منذ 3 ساعات")]
    [TestCase(-1440, "أمس")]
    public void Relative_arabic_uses_the_dual_and_plural_forms(int minutes, string expected)
    {
        Assert.That(DisplayDates.Format(Now.AddMinutes(minutes), Now, DateStyle.Relative, CalendarSystem.Gregorian, "ar", DigitShape.Latin, Baghdad), Is.EqualTo(expected));
    }

    [Test]
    public void A_long_date_is_the_day_readers_in_the_newsrooms_zone_see()
    {
        // 22:30 UTC on Saturday is already Sunday in Baghdad.
        var lateSaturday = new DateTime(2026, 11, 28, 22, 30, 0, DateTimeKind.Utc);

        Assert.That(DisplayDates.Format(lateSaturday, Now, DateStyle.Long, CalendarSystem.Gregorian, "ar", DigitShape.Latin, Baghdad), Is.EqualTo("الأحد 29 تشرين الثاني 2026"));
    }
}
