using NewsApi.Data.Entities;

namespace NewsApi.Features.Search;

public sealed record SearchResult(Article Article, string Snippet, double Score);
