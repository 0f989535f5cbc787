using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace NewsApi.Graph;

/// <summary>
/// Keeps parsed documents by query text so the handful of queries an app sends are parsed once, not per request.
/// Only documents that parsed and validated are kept (a bad query is never cached). Validation still runs on every
/// request: it depends on the variables. Bounded by total query length, so hostile unique queries evict each other
/// rather than grow memory. A cache of its own, so its size accounting never constrains other caches.
/// </summary>
public sealed class ParsedDocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>Total characters of cached query text.</summary>
    public const long SizeLimit = 4 * 1024 * 1024;

    /// <summary>Queries longer than this are parsed every time: too big to be a client's fixed query.</summary>
    private const int MaxCachedQueryLength = 32 * 1024;

    // Before everything else that looks at the document.
    public float SortOrder => 50;

    /// <summary>A parsed document for <paramref name="query"/>, if one is kept (the HTTP GET path parses before executing).</summary>
    public bool TryGet(string query, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphQLDocument? document)
    {
        document = null;
        return query.Length <= MaxCachedQueryLength && cache.TryGetValue(new CacheKey(query), out document) && document is not null;
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not { Length: > 0 and <= MaxCachedQueryLength } query)
        {
            return await next(options);
        }

        var key = new CacheKey(query);
        if (cache.TryGetValue(key, out GraphQLDocument? document))
        {
            options.Document ??= document;
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            cache.Set(key, parsed, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    /// <summary>How many documents are kept (diagnostics and tests).</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    // A key type of our own so nothing else stored here can collide with a query string.
    private sealed record CacheKey(string Query);
}
