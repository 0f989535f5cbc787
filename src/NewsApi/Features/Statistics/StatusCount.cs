using NewsApi.Data.Entities;

namespace NewsApi.Features.Statistics;

/// <summary>Articles created in the range that are now in <paramref name="Status"/>.</summary>
public sealed record StatusCount(ArticleStatus Status, int Count);
