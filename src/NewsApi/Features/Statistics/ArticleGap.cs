using NewsApi.Data.Entities;

namespace NewsApi.Features.Statistics;

/// <summary>Articles missing something an editor should add: how many, and the newest of them.</summary>
public sealed record ArticleGap(int TotalCount, IReadOnlyList<Article> Articles);
