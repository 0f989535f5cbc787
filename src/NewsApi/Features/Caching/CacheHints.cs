namespace NewsApi.Features.Caching;

/// <summary>What an executed query touched: how long its answer may be reused and the keys that make it stale. Null max-age: never store it.</summary>
public sealed record CacheHints(int? MaxAgeSeconds, IReadOnlyCollection<string> Keys)
{
    public static readonly CacheHints NoStore = new(null, []);
}
