namespace NewsApi.Features.Search;

/// <summary>
/// A light stemmer for normalised Arabic words: strips attached particles and the article (و ف ب ك ل ال وال بال
/// كال فال لل) and one common suffix (ها ان ات ون ين يه ه ي), so والأردن, الأردن and أردن meet. It never cuts a word
/// below three letters, and it leaves words with digits or Latin letters alone. Over-stemming costs precision on
/// both sides equally (the index and the query are stemmed alike); under-stemming would lose matches.
/// </summary>
public static class ArabicStemmer
{
    // Input is normalised: ة is already ه and ى is ي, so ية arrives as يه.
    private static readonly string[] ArticlePrefixes = ["وال", "بال", "كال", "فال", "لل", "ال"];
    private static readonly char[] ParticlePrefixes = ['و', 'ف', 'ب', 'ك', 'ل'];
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    private const int MinimumStem = 3;

    // A particle is one letter: cutting it from a four-letter word (وزير → زير) would too often cut the root.
    private const int MinimumAfterParticle = 4;

    public static string Stem(string word)
    {
        if (!IsArabicWord(word))
        {
            return word;
        }

        var stem = word.AsSpan();
        while (true)
        {
            var article = ArticleLength(stem);
            if (article > 0)
            {
                stem = stem[article..];
                break;
            }

            if (stem.Length - 1 >= MinimumAfterParticle && Array.IndexOf(ParticlePrefixes, stem[0]) >= 0)
            {
                stem = stem[1..];
                continue;
            }

            break;
        }

        foreach (var suffix in Suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= MinimumStem)
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        return stem.ToString();
    }

    private static int ArticleLength(ReadOnlySpan<char> stem)
    {
        foreach (var prefix in ArticlePrefixes)
        {
            if (stem.StartsWith(prefix, StringComparison.Ordinal) && stem.Length - prefix.Length >= MinimumStem)
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private static bool IsArabicWord(string word)
    {
        foreach (var c in word)
        {
            if (c is < '\u0621' or > '\u064A')
            {
                return false;
            }
        }

        return word.Length > 0;
    }
}
