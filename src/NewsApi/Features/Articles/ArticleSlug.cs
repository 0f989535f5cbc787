using System.Globalization;
using System.Text;
using NewsApi.Data;

namespace NewsApi.Features.Articles;

/// <summary>URL slugs that keep Arabic readable (browsers show it un-escaped) instead of transliterating it.</summary>
public static class ArticleSlug
{
    public static string FromText(string text, int maxLength = ContentLimits.SlugLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        // Compose first so that alef + combining hamza becomes one letter (أ) before combining marks are dropped.
        var composed = text.Normalize(NormalizationForm.FormC);
        var slug = new StringBuilder(Math.Min(composed.Length, maxLength + 16));
        var pendingSeparator = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (IsIgnorable(rune))
            {
                // Diacritics, tatweel and invisible direction marks sit inside words: dropping them must not split the word.
                continue;
            }

            if (IsKept(rune))
            {
                if (pendingSeparator && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingSeparator = false;
                slug.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                pendingSeparator = true;
            }
        }

        var result = slug.ToString().Normalize(NormalizationForm.FormC);
        return Truncate(result, maxLength);
    }

    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        // Prefer cutting at a separator so no word is left half-written; a single over-long word is cut hard.
        var cut = slug.LastIndexOf('-', maxLength);
        var truncated = cut > 0 ? slug[..cut] : slug[..maxLength];
        if (truncated.Length > 0 && char.IsHighSurrogate(truncated[^1]))
        {
            truncated = truncated[..^1];
        }

        return truncated.Trim('-');
    }

    private static bool IsIgnorable(Rune rune)
    {
        var value = rune.Value;
        if (value is (>= 0x064B and <= 0x065F) or 0x0670 or 0x0640)
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    private static bool IsKept(Rune rune)
    {
        if (!Rune.IsLetterOrDigit(rune))
        {
            return false;
        }

        var value = rune.Value;
        return value < 0x80
            || value is (>= 0x00C0 and <= 0x024F) or (>= 0x1E00 and <= 0x1EFF)
            || value is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF)
            || value is (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);
    }
}
