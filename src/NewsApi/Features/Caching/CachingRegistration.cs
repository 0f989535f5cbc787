using NewsApi.Security;

namespace NewsApi.Features.Caching;

public static class CachingRegistration
{
    /// <summary>
    /// HTTP caching of GraphQL GETs (<see cref="CachingOptions"/>, <c>Caching</c>), the server's response cache, the
    /// purger that follows the event log, and the per-caller cost budgets (<see cref="RateLimitOptions"/>, <c>RateLimits</c>).
    /// </summary>
    public static WebApplicationBuilder AddNewsCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CachingOptions>()
            .Bind(builder.Configuration.GetSection(CachingOptions.SectionName))
            .Validate(o => o.TickerMaxAgeSeconds >= 0 && o.ListMaxAgeSeconds >= 0 && o.RecentArticleMaxAgeSeconds >= 0
                && o.OldArticleMaxAgeSeconds >= 0 && o.TaxonomyMaxAgeSeconds >= 0 && o.DefaultMaxAgeSeconds >= 0
                && o.SharedMaxAgeFactor >= 1 && o.MaxSurrogateKeyLength >= 64 && o.PurgeAttempts >= 1, "Caching values are out of range.")
            .ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => Budgets(o).All(b => b.MaximumAvailable > 0 && b.RestoreRate > 0), "RateLimits budgets must be positive.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CostBudget>();
        builder.Services.AddSingleton<CacheHintCollector>();
        builder.Services.AddSingleton<CacheableResponseWriter>();
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddOutputCache(cache => cache.AddPolicy(AnonymousGetCachePolicy.Name,
            policy => policy.AddPolicy<AnonymousGetCachePolicy>(), excludeDefaultPolicy: true));
        builder.Services.AddHttpClient(SurrogateKeyPurger.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<SurrogateKeyPurger>();
        return builder;

        static IEnumerable<CostBudgetOptions> Budgets(RateLimitOptions o) => [o.Anonymous, .. o.Roles.Values, .. o.Keys.Values];
    }

    public static WebApplication UseNewsCaching(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>Anonymous GETs of this endpoint are answered from the server cache while they are fresh.</summary>
    public static TBuilder CacheAnonymousGets<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(AnonymousGetCachePolicy.Name);
}
