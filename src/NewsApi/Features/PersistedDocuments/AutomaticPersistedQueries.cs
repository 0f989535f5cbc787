using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace NewsApi.Features.PersistedDocuments;

/// <summary>
/// Apollo's automatic persisted queries: documents clients registered by hash. Bounded by total query length, so
/// clients registering endless unique queries evict each other instead of growing memory; a client whose hash was
/// evicted gets PERSISTED_QUERY_NOT_FOUND and simply sends the query again.
/// </summary>
public sealed class AutomaticPersistedQueries(IOptions<PersistedDocumentsOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.AutomaticQueryCacheSize });

    public bool TryGet(string hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? query) =>
        cache.TryGetValue(hash, out query) && query is not null;

    public void Add(string hash, string query) =>
        cache.Set(hash, query, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length), SlidingExpiration = TimeSpan.FromDays(1) });

    public void Dispose() => cache.Dispose();
}
