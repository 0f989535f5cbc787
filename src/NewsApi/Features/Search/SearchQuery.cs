using NewsApi.Graph;

namespace NewsApi.Features.Search;

/// <summary>
/// A parsed search query. Syntax: words (all must match), "quoted phrases", -word and -"phrase" exclusions; the last
/// wanted word matches as a prefix (search as you type). Everything else — operators, brackets, stray quotes,
/// punctuation — is just a word separator, so no input can reach the stores' own query languages.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 20;

    /// <summary>Shorter prefixes would match a large share of the index while a reader is still typing.</summary>
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<SearchTerm> terms)
    {
        Terms = terms;
    }

    public IReadOnlyList<SearchTerm> Terms { get; }

    public IEnumerable<SearchTerm> Wanted => Terms.Where(t => !t.Excluded);

    /// <summary>Nothing to look for (empty, only punctuation, or only exclusions): the result is empty.</summary>
    public bool IsEmpty => !Wanted.Any();

    public static SearchQuery Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new ApiError(ErrorCodes.BadUserInput, $"`query` is limited to {MaxLength} characters; it had {text.Length}.");
        }

        var terms = new List<SearchTerm>();
        var lastIsQuoted = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = text[i] == '-';
            if (excluded)
            {
                i++;
            }

            string chunk;
            bool quoted;
            if (i < text.Length && text[i] == '"')
            {
                // An unbalanced quote runs to the end of the query: what was typed so far is the phrase.
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                chunk = text[(i + 1)..end];
                i = close < 0 ? text.Length : close + 1;
                quoted = true;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                chunk = text[start..i];
                quoted = false;
            }

            var words = ArabicNormalizer.Words(chunk).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            if (quoted || excluded)
            {
                terms.Add(new SearchTerm(words, excluded, Prefix: false));
            }
            else
            {
                // "al-Qaeda" outside quotes is two words, as in the index.
                terms.AddRange(words.Select(w => new SearchTerm([w], Excluded: false, Prefix: false)));
            }

            lastIsQuoted = quoted || excluded;
        }

        if (terms.Count > MaxTerms)
        {
            throw new ApiError(ErrorCodes.BadUserInput, $"A search takes at most {MaxTerms} words; this one had {terms.Count}.");
        }

        if (!lastIsQuoted && terms.Count > 0 && terms[^1] is { Excluded: false, IsPhrase: false } last && last.Words[0].Length >= MinPrefixLength)
        {
            // Not `with`: the readings are computed when a term is made, and a prefix reads differently.
            terms[^1] = new SearchTerm(last.Words, Excluded: false, Prefix: true);
        }

        return new SearchQuery(terms);
    }

    /// <summary>
    /// The most spellings of a phrase given to FTS5, which has no alternatives inside a phrase: past this, a phrase
    /// keeps each word's first reading only.
    /// </summary>
    private const int MaxPhraseSpellings = 16;

    /// <summary>The readings of the word being typed, each matched as a prefix of stored terms.</summary>
    public IEnumerable<string> Prefixes => Terms.Where(t => t.Prefix).SelectMany(t => t.Readings.SelectMany(r => r)).Distinct();

    /// <summary>The query as a PostgreSQL tsquery. Words are letters and digits only, so quoting them is enough.</summary>
    public string ToTsQuery() => ToTsQuery(new Dictionary<string, IReadOnlyList<string>>())!;

    /// <summary>
    /// The query as a PostgreSQL tsquery that matches the same documents, with each prefix that
    /// <paramref name="wholeTerms"/> lists replaced by the stored terms it begins (a prefix it does not list stays a
    /// prefix); null when the word being typed begins no stored term, so that nothing can match.
    /// </summary>
    public string? ToTsQuery(IReadOnlyDictionary<string, IReadOnlyList<string>> wholeTerms)
    {
        var parts = new List<string>();
        foreach (var term in Terms)
        {
            var alternatives = term.Readings
                .Select(readings => term.Prefix
                    ? readings.SelectMany(r => wholeTerms.TryGetValue(r, out var whole) ? whole.Select(Quote) : [Quote(r) + ":*"]).Distinct().ToList()
                    : readings.Select(Quote).ToList())
                .ToList();
            if (alternatives.Any(a => a.Count == 0))
            {
                return null;
            }

            var words = string.Join(" <-> ", alternatives.Select(a => a.Count == 1 ? a[0] : "(" + string.Join(" | ", a) + ")"));
            var group = term.IsPhrase ? $"({words})" : words;
            parts.Add(term.Excluded ? "!" + group : group);
        }

        return string.Join(" & ", parts);
    }

    /// <summary>A tsquery operand; query words are letters and digits, stored terms are escaped all the same.</summary>
    private static string Quote(string word) => "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The query as an FTS5 MATCH expression. Words are letters and digits only, so quoting them is enough.</summary>
    public string ToFts5Match()
    {
        static string Quote(SearchTerm term)
        {
            var suffix = term.Prefix ? "*" : string.Empty;
            IEnumerable<IEnumerable<string>> spellings = [[]];
            var count = term.Readings.Aggregate(1L, (n, readings) => n * readings.Count);
            foreach (var readings in term.Readings)
            {
                var options = count <= MaxPhraseSpellings ? readings : readings.Take(1);
                spellings = spellings.SelectMany(spelling => options.Select(option => spelling.Append(option)));
            }

            var quoted = spellings.Select(spelling => "\"" + string.Join(' ', spelling) + "\"" + suffix).ToList();
            return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" OR ", quoted) + ")";
        }

        var expression = "(" + string.Join(" AND ", Wanted.Select(Quote)) + ")";
        foreach (var term in Terms.Where(t => t.Excluded))
        {
            expression = $"({expression} NOT {Quote(term)})";
        }

        return expression;
    }

    /// <summary>
    /// The wanted words for <see cref="SearchScore"/>: space-separated, each word's readings separated by |, a
    /// trailing * marks a prefix.
    /// </summary>
    public string ToScoreSpec() => string.Join(' ', Wanted.SelectMany(t => t.Readings.Select(readings =>
        string.Join('|', readings.Select(r => t.Prefix ? r + "*" : r)))));
}
