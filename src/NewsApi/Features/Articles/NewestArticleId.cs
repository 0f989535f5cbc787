namespace NewsApi.Features.Articles;

/// <summary>A row of <c>newest_article_ids(...)</c>: the front page's articles, newest first (migration NewestArticleIdsFunction).</summary>
public sealed record NewestArticleId(int Id);
