using System.Text.Encodings.Web;
using GraphQL;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Features.Audit;
using NewsApi.Features.Authors;
using NewsApi.Features.Related;
using NewsApi.Features.Sections;
using NewsApi.Features.Tags;
using NewsApi.Features.Tickers;

namespace NewsApi.Graph;

public static class GraphRegistration
{
    public static WebApplicationBuilder AddNewsGraph(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQL(graph => graph
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            .ConfigureExecution(services => services.GetRequiredService<ParsedDocumentCache>())
            .AddDocumentListener<PrimaryReadsForWrites>()
            .AddExecutionStrategy<PerEventScopeSubscriptionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            .AddSystemTextJson(json =>
            {
                // Arabic goes out as UTF-8, not \u escapes: a third of the bytes on a phone's connection. Responses are
                // JSON media types, never HTML, so HTML-sensitive characters need no escaping either.
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            }));

        builder.Services.AddSingleton<ParsedDocumentCache>();
        // After AddGraphQL's own registration, which it replaces for the executer.
        builder.Services.AddSingleton<GraphQL.Validation.IDocumentValidator, SettledDocumentValidator>();
        builder.Services.AddScoped<PublicClock>();
        builder.Services.AddReader<ArticleFeed>();
        builder.Services.AddScoped<NewsApi.Features.Sync.SyncFeed>();
        builder.Services.AddScoped<ArticleEditor>();
        builder.Services.AddScoped<TagEditor>();
        builder.Services.AddScoped<SectionEditor>();
        builder.Services.AddScoped<AuthorEditor>();
        builder.Services.AddScoped<TickerEditor>();
        builder.Services.AddScoped<RelatedLinkEditor>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IInterceptor, AuditEntryWriter>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddReader<TagDirectory>();
        AddDataLoaders(builder.Services);
        return builder;
    }

    /// <summary>
    /// Every data loader, one instance per request: batches and caches never cross requests. They read through
    /// <see cref="ReadContexts"/>, so public reads may be served by the replica.
    /// </summary>
    private static void AddDataLoaders(IServiceCollection services)
    {
        var loaders = typeof(GraphRegistration).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && IsDataLoader(type));
        foreach (var loader in loaders)
        {
            services.AddReader(loader);
        }
    }

    private static bool IsDataLoader(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(BatchDataLoader<,>))
            {
                return true;
            }
        }

        return false;
    }
}
