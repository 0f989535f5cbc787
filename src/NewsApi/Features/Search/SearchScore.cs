namespace NewsApi.Features.Search;

/// <summary>
/// Relevance on SQLite, computed from the document alone, like PostgreSQL's ts_rank and with its default weights
/// (headline 1.0, standfirst 0.4, tags 0.2, body 0.1). FTS5's bm25 would depend on the whole corpus, so a score
/// would change as news is published and keyset cursors on it would repeat or skip results.
/// </summary>
public static class SearchScore
{
    public const string SqliteFunctionName = "news_search_score";

    private static readonly double[] Weights = [1.0, 0.4, 0.2, 0.1];

    /// <param name="spec">Wanted words from <see cref="SearchQuery.ToScoreSpec"/>; a word's readings are separated by |.</param>
    public static double Compute(string headline, string standfirst, string tags, string body, string spec)
    {
        var words = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] fields = [headline, standfirst, tags, body];
        var score = 0.0;
        foreach (var word in words)
        {
            var readings = word.Split('|');
            var best = 0.0;
            var extra = 0.0;
            for (var f = 0; f < fields.Length; f++)
            {
                var count = readings.Sum(reading => reading.EndsWith('*') ? Count(fields[f], reading[..^1], prefix: true) : Count(fields[f], reading, prefix: false));
                if (count > 0)
                {
                    // The best field decides; more occurrences add a little, never enough to outrank a better field.
                    best = Math.Max(best, Weights[f]);
                    extra += Weights[f] * 0.1 * Math.Log(1 + count);
                }
            }

            score += best + Math.Min(extra, 0.09);
        }

        return score;
    }

    private static int Count(string field, string needle, bool prefix)
    {
        var count = 0;
        foreach (var range in field.AsSpan().Split(' '))
        {
            var token = field.AsSpan()[range];
            if (prefix ? token.StartsWith(needle, StringComparison.Ordinal) : token.SequenceEqual(needle))
            {
                count++;
            }
        }

        return count;
    }
}
