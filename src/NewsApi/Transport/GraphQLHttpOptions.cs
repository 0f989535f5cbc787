namespace NewsApi.Transport;

/// <summary>Limits of the GraphQL over HTTP endpoint, bound from <c>GraphQL:Http</c>.</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL:Http";

    /// <summary>
    /// Largest accepted POST body in bytes (default 512 KiB); a larger one gets 413 with code PAYLOAD_TOO_LARGE
    /// before any of it is parsed. A long Arabic feature with its blocks is well under 200 KB of JSON, so the
    /// default leaves room for edits while a megabyte-sized variable, which no legitimate client sends, is refused
    /// instead of being parsed, coerced and held in memory.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Whether queries may arrive as GET (cacheable by CDNs). Mutations and subscriptions never may:
    /// a GET must be safe to repeat and to prefetch.
    /// </summary>
    public bool AllowGet { get; set; } = true;

    /// <summary>
    /// How many requests execute at once on this instance (<see cref="GraphQLExecutionSlots"/>); the rest wait their
    /// turn in arrival order. Unset: two per core, right when PostgreSQL shares the machine or answers in well under a
    /// millisecond; raise it when requests spend longer waiting on a distant database. Subscriptions over WebSocket are
    /// not counted.
    /// </summary>
    public int? MaxConcurrentExecutions { get; set; }

    /// <summary>
    /// The longest a request waits for its turn (default 5 s). Past it the answer is 503 SERVICE_UNAVAILABLE with
    /// Retry-After: the instance is at capacity, and a client does better to retry (or go to another instance) than to
    /// wait behind a queue that is not shrinking.
    /// </summary>
    public TimeSpan MaxExecutionWait { get; set; } = TimeSpan.FromSeconds(5);
}
