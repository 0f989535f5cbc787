namespace NewsApi.Data.Entities;

/// <summary>
/// A "similar text" suggestion: two articles whose most characteristic words overlap, found by the background
/// indexer (Features/Related/SimilarTextIndexer) when an article is published or its text changes. Stored both
/// ways, so the related-stories read is an index range scan by <see cref="ArticleId"/>.
/// </summary>
public sealed class ArticleSimilarity
{
    public int ArticleId { get; set; }

    public int SimilarArticleId { get; set; }

    /// <summary>Overlap of the two articles' characteristic words, 0 to 1 (1: the same words).</summary>
    public double Score { get; set; }
}
