namespace NewsApi.Features.Articles;

/// <summary>Which tags and which authors an article carries, each in editorial order (ids only).</summary>
public sealed record ArticleLinks(IReadOnlyList<int> TagIds, IReadOnlyList<int> AuthorIds)
{
    public static readonly ArticleLinks None = new([], []);
}
