namespace NewsApi.Features.Search;

/// <summary>A row of the store's full-text match: which article, and how well it matched.</summary>
public sealed record SearchHit(int ArticleId, double Score);
