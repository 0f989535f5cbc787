namespace NewsApi.Features.Articles;

/// <summary>Names an article for unpublishArticle, archiveArticle and deleteArticle.</summary>
public sealed record ArticleTransitionInput
{
    public required string Id { get; init; }

    public int? ExpectedVersion { get; init; }
}
