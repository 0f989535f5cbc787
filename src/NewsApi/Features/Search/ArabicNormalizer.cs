using System.Globalization;
using System.Text;

namespace NewsApi.Features.Search;

/// <summary>
/// The one definition of search text, used at index time (article search documents), at query time (search and
/// tag autocomplete) and for marking snippets. Anything that must "meet" in search goes through here, so the
/// index and the query can never disagree about what a word is.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Normalised words of <paramref name="text"/>, unstemmed: for prefix matching of names (tags).</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            var mapped = Map(c);
            if (mapped == Dropped)
            {
                continue;
            }

            if (mapped == Separator)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            word.Append(mapped);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Normalised, stemmed terms: the vocabulary of the search index and of search queries.</summary>
    public static IEnumerable<string> Terms(string? text) => Words(text).Select(ArabicStemmer.Stem);

    /// <summary>The terms of <paramref name="text"/> joined by single spaces: what is stored and indexed.</summary>
    public static string ToSearchText(string? text) => string.Join(' ', Terms(text));

    /// <summary>Normalised words joined by single spaces (no stemming): a name as autocomplete compares it.</summary>
    public static string Normalize(string? text) => string.Join(' ', Words(text));

    /// <summary>
    /// Where the words of the original text are, so a snippet can mark them in the text as written. Word boundaries
    /// are exactly those of <see cref="Words"/>: marks and tatweel inside a word stay part of it.
    /// </summary>
    public static IEnumerable<(int Start, int Length, string Term)> Spans(string text)
    {
        var start = -1;
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var mapped = i < text.Length ? Map(text[i]) : Separator;
            if (mapped == Separator)
            {
                if (word.Length > 0)
                {
                    yield return (start, i - start, ArabicStemmer.Stem(word.ToString()));
                    word.Clear();
                }

                start = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (mapped != Dropped)
            {
                word.Append(mapped);
            }
        }
    }

    private const char Separator = ' ';
    private const char Dropped = '\0';

    private static char Map(char c)
    {
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                return 'ا';
            case 'ة':
                return 'ه';
            case 'ى' or 'ی':
                return 'ي';
            case 'ؤ':
                return 'و';
            case 'ئ':
                return 'ي';
            case 'ک':
                return 'ك';
            case 'ـ':
                return Dropped;
            case >= '٠' and <= '٩':
                return (char)('0' + (c - '٠'));
            case >= '۰' and <= '۹':
                return (char)('0' + (c - '۰'));
            case '\0':
                return Separator;
        }

        // Tashkeel (U+064B–U+065F), superscript alef (U+0670), Quranic marks and decomposed Latin accents are all
        // non-spacing marks; zero-width joiners and bidi controls are format characters. Both sit inside words.
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return Dropped;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                return char.ToLowerInvariant(c);
            case UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.DecimalDigitNumber:
                return c;
            default:
                return Separator;
        }
    }
}
