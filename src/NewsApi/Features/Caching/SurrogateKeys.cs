using NewsApi.Data.Entities;

namespace NewsApi.Features.Caching;

/// <summary>
/// The names responses are tagged with and writes purge: <c>article:&lt;id&gt;</c>, <c>tag:&lt;id&gt;</c>,
/// <c>section:&lt;id&gt;</c>, <c>author:&lt;id&gt;</c>, <c>list:articles</c>, <c>list:tags</c>, <c>list:sections</c>,
/// <c>ticker</c>. A response whose keys would not fit names <see cref="ArticlesOverflow"/> instead of its remaining
/// articles, and every article write purges that key too.
/// </summary>
public static class SurrogateKeys
{
    public const string Ticker = "ticker";
    public const string ArticleList = "list:articles";
    public const string TagList = "list:tags";
    public const string SectionList = "list:sections";
    public const string ArticlesOverflow = "articles:overflow";

    /// <summary>Every answer of the server cache carries it, so all of them can be evicted at once.</summary>
    public const string Everything = "graphql";

    public static string Article(int id) => $"article:{id}";

    public static string Tag(int id) => $"tag:{id}";

    public static string Section(int id) => $"section:{id}";

    public static string Author(int id) => $"author:{id}";

    /// <summary>What one event of the log makes stale.</summary>
    public static IEnumerable<string> InvalidatedBy(ContentEvent contentEvent)
    {
        switch (contentEvent.Kind)
        {
            case ContentEventKind.TickerAdded or ContentEventKind.TickerUpdated or ContentEventKind.TickerExpired or ContentEventKind.TickerRemoved:
                yield return Ticker;
                break;
            case ContentEventKind.ArticleCorrected:
                // Same place in every list; only the answers that show it change.
                yield return Article(contentEvent.EntityId);
                yield return ArticlesOverflow;
                break;
            case ContentEventKind.ArticlePublished or ContentEventKind.ArticleUpdated or ContentEventKind.ArticleWithdrawn:
                // It enters or leaves lists (a new tag or section moves it between them).
                yield return Article(contentEvent.EntityId);
                yield return ArticleList;
                yield return ArticlesOverflow;
                break;
            case ContentEventKind.TagChanged:
                yield return Tag(contentEvent.EntityId);
                yield return TagList;
                break;
            case ContentEventKind.TagRemoved:
                yield return Tag(contentEvent.EntityId);
                yield return TagList;
                yield return ArticleList;
                break;
            case ContentEventKind.SectionChanged:
                yield return Section(contentEvent.EntityId);
                yield return SectionList;
                break;
            case ContentEventKind.SectionRemoved:
                yield return Section(contentEvent.EntityId);
                yield return SectionList;
                yield return ArticleList;
                break;
            case ContentEventKind.AuthorChanged or ContentEventKind.AuthorRemoved:
                yield return Author(contentEvent.EntityId);
                break;
            default:
                // An event kind added later: stale everything rather than serve it late.
                yield return Everything;
                break;
        }
    }

    /// <summary>Keys for one header: coarse keys first, then articles while they fit, then the overflow key.</summary>
    public static IReadOnlyList<string> Bounded(IReadOnlyCollection<string> keys, int maxLength)
    {
        var ordered = keys.OrderBy(k => k.StartsWith("article:", StringComparison.Ordinal) ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal);
        var kept = new List<string>();
        var length = 0;
        var reserve = ArticlesOverflow.Length + 1;
        foreach (var key in ordered)
        {
            var extra = key.Length + (kept.Count > 0 ? 1 : 0);
            if (length + extra + reserve > maxLength)
            {
                kept.Add(ArticlesOverflow);
                return kept;
            }

            kept.Add(key);
            length += extra;
        }

        return kept;
    }
}
