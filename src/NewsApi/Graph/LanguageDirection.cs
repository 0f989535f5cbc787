namespace NewsApi.Graph;

/// <summary>Which way a language's text runs, so front ends can set dir= without a table of their own.</summary>
public static class LanguageDirection
{
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku-Arab", "ps", "sd", "ug", "ur", "yi",
    };

    public static TextDirection Of(string? lang)
    {
        if (string.IsNullOrEmpty(lang))
        {
            return TextDirection.Rtl;
        }

        if (RightToLeft.Contains(lang))
        {
            return TextDirection.Rtl;
        }

        // "ar-IQ", "fa-IR": the primary subtag decides.
        var dash = lang.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && RightToLeft.Contains(lang[..dash]) ? TextDirection.Rtl : TextDirection.Ltr;
    }
}
