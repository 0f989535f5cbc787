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

        return StripSuffix(stem.ToString());
    }

    /// <summary>
    /// Every stored form a query word can meet. The stemmer cannot tell a particle from a root letter: it reads the ل
    /// of لاجئين and the ب of بغداد as particles (stored اجي, غداد), while after the article it keeps them (اللاجئين
    /// is stored لاجي). So a query word also looks for its other reading: with the leading letter kept, and, after an
    /// article, with the letter that follows it taken as a particle. The stored documents stay as they are.
    /// </summary>
    public static IReadOnlyList<string> Readings(string word)
    {
        var readings = new List<string> { Stem(word) };
        if (IsArabicWord(word))
        {
            var article = ArticleLength(word);
            var bare = word[article..];
            Add(readings, StripSuffix(bare));
            Add(readings, Stem(bare));
        }

        return readings;
    }

    /// <summary>
    /// The stored forms a word still being typed can begin: its <see cref="Readings"/>, and the letters after an article or after a
    /// leading letter that may be a particle (الطا → طا finds الطاقة, stored طاق; بغد → غد finds بغداد, stored غداد),
    /// as long as at least <paramref name="minimumLength"/> letters remain.
    /// </summary>
    public static IReadOnlyList<string> PrefixReadings(string word, int minimumLength)
    {
        var readings = Readings(word).ToList();
        if (IsArabicWord(word))
        {
            foreach (var prefix in ArticlePrefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= minimumLength)
                {
                    Add(readings, word[prefix.Length..]);
                    break;
                }
            }

            if (Array.IndexOf(ParticlePrefixes, word[0]) >= 0 && word.Length - 1 >= minimumLength)
            {
                Add(readings, word[1..]);
            }
        }

        return readings;
    }

    private static void Add(List<string> readings, string reading)
    {
        if (!readings.Contains(reading))
        {
            readings.Add(reading);
        }
    }

    private static string StripSuffix(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= MinimumStem)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
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
