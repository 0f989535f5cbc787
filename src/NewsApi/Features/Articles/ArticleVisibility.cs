using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public static class ArticleVisibility
{
    /// <summary>What an anonymous reader may see: published, and not scheduled past <paramref name="now"/>.</summary>
    public static IQueryable<Article> PubliclyVisible(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
}
