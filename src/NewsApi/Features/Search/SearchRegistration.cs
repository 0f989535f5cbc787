using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsApi.Data;

namespace NewsApi.Features.Search;

public static class SearchRegistration
{
    /// <summary>Search: the write hook that keeps documents current, SQLite's scoring function, the backfill and the query service.</summary>
    public static WebApplicationBuilder AddNewsSearch(this WebApplicationBuilder builder)
    {
        // Interceptors in DI join every context the data layer creates (DataRegistration).
        builder.Services.AddSingleton<IInterceptor, SearchDocumentWriter>();
        builder.Services.AddSingleton<IInterceptor, SqliteSearchFunctions>();
        // Read from the replica when there is one, like the article lists (its hits are loaded through the same loaders).
        builder.Services.AddReader<ArticleSearch>();
        builder.Services.AddOptions<SearchOptions>()
            .Bind(builder.Configuration.GetSection(SearchOptions.SectionName))
            .Validate(o => o.ConcurrentQueries is null or > 0, "Search:ConcurrentQueries must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SearchConcurrency>();

        // Registered after the data layer's initializer, so it runs once the store is migrated and seeded.
        builder.Services.AddHostedService<SearchIndexBackfill>();
        return builder;
    }
}
