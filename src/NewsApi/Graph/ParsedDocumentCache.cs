using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using NewsApi.Security;

namespace NewsApi.Graph;

/// <summary>
/// Keeps parsed documents by query text so the handful of queries an app sends are parsed and checked once, not per
/// request. Only documents that parsed and validated are kept (a bad query is never cached), so a document from here
/// skips the core validation rules that look at nothing but the document and the schema. The rest still run on every
/// request: the core rules that read the variables (argument validators such as page-size ranges, lengths) and our
/// own, which depend on the variables (page sizes multiply into the node limit and cost) or on the caller
/// (introspection). Bounded by total query length, so hostile unique queries evict each other rather than grow
/// memory. A cache of its own, so its size accounting never constrains other caches.
/// <para>
/// An operation whose variables reach none of those checks (<see cref="SettledOperations"/>: an article by its slug,
/// a front page) has a verdict that cannot change, so once it has passed it runs no validation rule at all: walking
/// the document with the rules' visitors was a fifth of the server's CPU time on an article page. GraphQL.NET still
/// coerces its variables and parses its arguments (<see cref="SettledDocumentValidator"/>, without walking the whole
/// document), and the caller is still charged its cost, which was settled with the verdict (<see cref="SettledCostCharge"/>).
/// </para>
/// </summary>
public sealed class ParsedDocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>Total characters of cached query text.</summary>
    public const long SizeLimit = 4 * 1024 * 1024;

    /// <summary>Queries longer than this are parsed every time: too big to be a client's fixed query.</summary>
    private const int MaxCachedQueryLength = 32 * 1024;

    private static readonly IValidationRule[] NoRules = [];

    // After the option configurations (100), which install the validation rules this trims for cached documents.
    public float SortOrder => 150;

    /// <summary>A parsed document for <paramref name="query"/>, if one is kept (the HTTP GET path parses before executing).</summary>
    public bool TryGet(string query, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphQLDocument? document)
    {
        document = null;
        if (query.Length <= MaxCachedQueryLength && cache.TryGetValue(new CacheKey(query), out KeptDocument? kept) && kept is not null)
        {
            document = kept.Document;
        }

        return document is not null;
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not { Length: > 0 and <= MaxCachedQueryLength } query)
        {
            return await next(options);
        }

        var key = new CacheKey(query);
        if (cache.TryGetValue(key, out KeptDocument? kept) && kept is not null)
        {
            // The transport may have taken it from here already (a GET checks the operation type first).
            if (options.Document is not null && !ReferenceEquals(options.Document, kept.Document))
            {
                return await next(options);
            }

            options.Document = kept.Document;
            var operationName = options.OperationName ?? string.Empty;
            if (kept.Verdicts.TryGetValue(operationName, out var verdict) && verdict is { Settled: { } settled, Charge: { } charge })
            {
                options.ValidationRules = NoRules;
                options.UserContext[SettledOperation.UserContextKey] = settled;
                options.Listeners.Add(charge);
                return await next(options);
            }

            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(ReadsMoreThanTheDocument)];
            var checkedResult = await next(options);
            if (verdict is null && checkedResult.Executed && checkedResult.Operation is { } operation)
            {
                var settlement = SettledOperations.Settle(options.Schema!, kept.Document, operation);
                var settledCost = settlement is null ? null : QueryCost.From(options.UserContext);
                kept.Verdicts.TryAdd(operationName, settledCost is null ? Verdict.Unsettled : new Verdict(settlement, new SettledCostCharge(settledCost)));
            }

            return checkedResult;
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            cache.Set(key, new KeptDocument(parsed), new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    /// <summary>Whether <paramref name="query"/>'s operation <paramref name="operationName"/> is kept with a settled verdict (tests).</summary>
    public bool IsSettled(string query, string? operationName = null) =>
        cache.TryGetValue(new CacheKey(query), out KeptDocument? kept)
        && kept!.Verdicts.TryGetValue(operationName ?? string.Empty, out var verdict)
        && verdict.Settled is not null;

    private static bool ReadsMoreThanTheDocument(IValidationRule rule) =>
        rule is FieldArgumentsAreValidRule or InputFieldsAndArgumentsOfCorrectLength || !DocumentValidator.CoreRules.Contains(rule);

    /// <summary>How many documents are kept (diagnostics and tests).</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    // A key type of our own so nothing else stored here can collide with a query string.
    private sealed record CacheKey(string Query);

    /// <summary>A parsed document and, per operation name (empty for none), what its second run found.</summary>
    private sealed class KeptDocument(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        // Only names that executed are added, so this holds at most the document's operations.
        public ConcurrentDictionary<string, Verdict> Verdicts { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>An operation whose verdict is settled and the cost settled with it, or neither when its variables can change it.</summary>
    private sealed record Verdict(SettledOperation? Settled, SettledCostCharge? Charge)
    {
        public static Verdict Unsettled { get; } = new(null, null);
    }
}
