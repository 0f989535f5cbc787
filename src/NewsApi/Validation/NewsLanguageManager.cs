using FluentValidation.Resources;

namespace NewsApi.Validation;

/// <summary>
/// FluentValidation's own messages (which ship in Arabic) plus ours, keyed by name, in English and Arabic. The
/// request's UI culture (from Accept-Language) picks the language; anything without an Arabic text falls back to English.
/// </summary>
public sealed class NewsLanguageManager : LanguageManager
{
    public const string InvalidSlug = UserErrorCodes.InvalidSlug;
    public const string InvalidValue = UserErrorCodes.InvalidValue;
    public const string NotFound = UserErrorCodes.NotFound;
    public const string Duplicate = UserErrorCodes.Duplicate;
    public const string SelfLink = UserErrorCodes.SelfLink;
    public const string TooMany = UserErrorCodes.TooMany;
    public const string InvalidState = UserErrorCodes.InvalidState;
    public const string Conflict = UserErrorCodes.Conflict;
    public const string NotInFuture = "InvalidTime.Future";
    public const string NotAfterStart = "InvalidTime.AfterStart";
    public const string BlockTextRequired = "Required.BlockText";
    public const string BlockUrlRequired = "Required.BlockUrl";

    public NewsLanguageManager()
    {
        Add(InvalidSlug,
            "'{PropertyName}' must be a slug: lower-case letters (Arabic or Latin) and digits, words joined by single hyphens.",
            "يجب أن يكون '{PropertyName}' معرّفاً صالحاً للرابط: حروف عربية أو لاتينية صغيرة وأرقام، والكلمات مفصولة بشرطة واحدة.");
        Add(InvalidValue,
            "'{PropertyName}' is not valid here.",
            "قيمة '{PropertyName}' غير صالحة هنا.");
        Add(NotFound,
            "No {PropertyName} matches '{PropertyValue}'.",
            "لا يوجد {PropertyName} يطابق '{PropertyValue}'.");
        Add(Duplicate,
            "'{PropertyValue}' is already used; {PropertyName} must be unique.",
            "القيمة '{PropertyValue}' مستخدمة من قبل؛ يجب ألا يتكرر {PropertyName}.");
        Add(SelfLink,
            "An article cannot be related to itself.",
            "لا يمكن ربط المقال بنفسه.");
        Add(TooMany,
            "'{PropertyName}' takes at most {Max} items.",
            "يقبل '{PropertyName}' {Max} عناصر على الأكثر.");
        Add(InvalidState,
            "This cannot be done to an article whose status is {Status}.",
            "لا يمكن إجراء هذه العملية على مقال حالته {Status}.");
        Add(Conflict,
            "It has changed since version {Expected}: it is now at version {Current}. Reload it and apply your changes again.",
            "تغيّر المحتوى منذ النسخة {Expected}: هو الآن في النسخة {Current}. أعد تحميله ثم طبّق تعديلاتك من جديد.");
        Add(NotInFuture,
            "'{PropertyName}' must be in the future.",
            "يجب أن يكون '{PropertyName}' في المستقبل.");
        Add(NotAfterStart,
            "'{PropertyName}' must be after the start time.",
            "يجب أن يكون '{PropertyName}' بعد وقت البدء.");
        Add(BlockTextRequired,
            "A paragraph, quote or heading block needs text.",
            "تحتاج الفقرة أو الاقتباس أو العنوان الفرعي إلى نص.");
        Add(BlockUrlRequired,
            "An image or embed block needs a URL.",
            "تحتاج الصورة أو المادة المضمّنة إلى رابط.");
    }

    /// <summary>One of our messages in the request's language, with {Name} placeholders filled in.</summary>
    public static string Format(string key, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = FluentValidation.ValidatorOptions.Global.LanguageManager.GetString(key);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    private void Add(string key, string english, string arabic)
    {
        AddTranslation("en", key, english);
        AddTranslation("ar", key, arabic);
    }
}
