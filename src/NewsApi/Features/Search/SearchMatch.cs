namespace NewsApi.Features.Search;

/// <summary>
/// A document that matched, with its copy of the article's publication time (PostgreSQL's article_search carries
/// it) and, where it was ranked, its score.
/// </summary>
public sealed record SearchMatch(int ArticleId, DateTime? PublishedAt, double Score);
