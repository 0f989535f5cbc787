namespace NewsApi.Features.Search;

/// <summary>One term of a search query: a word, or a quoted phrase of several; excluded (-word) or wanted.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Excluded, bool Prefix)
{
    public bool IsPhrase => Words.Count > 1;

    /// <summary>Whether a normalised, stemmed word of a text is one this term looks for.</summary>
    public bool Matches(string word) =>
        Words.Any(w => Prefix ? word.StartsWith(w, StringComparison.Ordinal) : word == w);
}
