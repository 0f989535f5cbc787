using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace NewsApi.Graph;

/// <summary>
/// Keeps parsed documents by query text so the handful of queries an app sends are parsed and checked once, not per
/// request. Only documents that parsed and validated are kept (a bad query is never cached), so a document from here
/// skips the core validation rules that look at nothing but the document and the schema. The rest still run on every
/// request: the core rules that read the variables (argument validators such as page-size ranges, lengths) and our
/// own, which depend on the variables (page sizes multiply into the node limit and cost) or on the caller
/// (introspection). Bounded by total query length, so hostile unique queries evict each other rather than grow
/// memory. A cache of its own, so its size accounting never constrains other caches.
/// </summary>
public sealed class ParsedDocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>Total characters of cached query text.</summary>
    public const long SizeLimit = 4 * 1024 * 1024;

    /// <summary>Queries longer than this are parsed every time: too big to be a client's fixed query.</summary>
    private const int MaxCachedQueryLength = 32 * 1024;

    // After the option configurations (100), which install the validation rules this trims for cached documents.
    public float SortOrder => 150;

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
            // The transport may have taken it from here already (a GET checks the operation type first).
            if (options.Document is null || ReferenceEquals(options.Document, document))
            {
                options.Document = document;
                options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(ReadsMoreThanTheDocument)];
            }

            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            cache.Set(key, parsed, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    private static bool ReadsMoreThanTheDocument(IValidationRule rule) =>
        rule is FieldArgumentsAreValidRule or InputFieldsAndArgumentsOfCorrectLength || !DocumentValidator.CoreRules.Contains(rule);

    /// <summary>How many documents are kept (diagnostics and tests).</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    // A key type of our own so nothing else stored here can collide with a query string.
    private sealed record CacheKey(string Query);
}
