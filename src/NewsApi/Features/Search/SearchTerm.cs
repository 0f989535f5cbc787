namespace NewsApi.Features.Search;

/// <summary>
/// One term of a search query: a word, or a quoted phrase of several; excluded (-word) or wanted. Words are kept
/// normalised but unstemmed; each stands for all of its <see cref="Readings"/>.
/// </summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Excluded, bool Prefix)
{
    public bool IsPhrase => Words.Count > 1;

    /// <summary>Per word, the stored terms it matches (any of them): see <see cref="ArabicStemmer.Readings"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Readings { get; } = Words
        .Select(w => Prefix ? ArabicStemmer.PrefixReadings(w, SearchQuery.MinPrefixLength) : ArabicStemmer.Readings(w))
        .ToList();

    /// <summary>Whether a normalised, stemmed word of a text is one this term looks for.</summary>
    public bool Matches(string word) =>
        Readings.Any(readings => readings.Any(r => Prefix ? word.StartsWith(r, StringComparison.Ordinal) : word == r));
}
