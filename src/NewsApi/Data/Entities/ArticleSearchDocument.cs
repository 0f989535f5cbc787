namespace NewsApi.Data.Entities;

/// <summary>
/// An article's text as search sees it: each part normalised and stemmed (Features/Search/ArabicNormalizer), kept
/// in its own row so that rewriting it never touches the article's concurrency version. The stores index it
/// themselves: PostgreSQL a weighted tsvector column with a GIN index, SQLite an FTS5 table kept by triggers.
/// </summary>
public sealed class ArticleSearchDocument
{
    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public string Headline { get; set; } = string.Empty;

    public string Standfirst { get; set; } = string.Empty;

    /// <summary>Names of the article's tags, Arabic and English.</summary>
    public string Tags { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>
    /// The "similar text" suggestions predate this text: every document write sets it (a new document object carries
    /// the default), the background indexer clears it once it has recomputed them.
    /// </summary>
    public bool SimilarStale { get; set; } = true;
}
