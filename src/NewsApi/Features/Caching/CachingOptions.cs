namespace NewsApi.Features.Caching;

/// <summary>
/// The <c>Caching</c> configuration section: how long each kind of content may be reused by browsers and shared
/// caches, where purges go, and the server's own response cache. A response's max-age is the smallest of the hints of
/// everything it contains (the ticker's shortest, an old article's longest).
/// </summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>The ticker: what changes most often.</summary>
    public int TickerMaxAgeSeconds { get; set; } = 5;

    /// <summary>Lists of articles or tags (feeds, search, a tag's or section's articles, related stories), and lookups that found nothing.</summary>
    public int ListMaxAgeSeconds { get; set; } = 30;

    /// <summary>An article published less than <see cref="OldArticleAfter"/> ago: still being corrected.</summary>
    public int RecentArticleMaxAgeSeconds { get; set; } = 60;

    /// <summary>An article published longer than <see cref="OldArticleAfter"/> ago: rarely touched.</summary>
    public int OldArticleMaxAgeSeconds { get; set; } = 3_600;

    public TimeSpan OldArticleAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Tags, sections and authors.</summary>
    public int TaxonomyMaxAgeSeconds { get; set; } = 300;

    /// <summary>Anything else (introspection, __typename).</summary>
    public int DefaultMaxAgeSeconds { get; set; } = 300;

    /// <summary>s-maxage = max-age × this: shared caches hear of changes through purges, browsers do not.</summary>
    public int SharedMaxAgeFactor { get; set; } = 2;

    /// <summary>The longest the Surrogate-Key and Cache-Tag headers may be; past it article keys give way to one overflow key.</summary>
    public int MaxSurrogateKeyLength { get; set; } = 2_048;

    /// <summary>Where purges are POSTed (JSON {"keys": [...]}); none when unset.</summary>
    public Uri? PurgeUrl { get; set; }

    /// <summary>Attempts per purge before it is given up (logged).</summary>
    public int PurgeAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; doubled each time.</summary>
    public TimeSpan PurgeRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The server's own cache of anonymous GET answers, evicted by the same keys.</summary>
    public bool ServerCache { get; set; } = true;
}
