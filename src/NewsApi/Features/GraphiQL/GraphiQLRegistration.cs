using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsApi.Features.GraphiQL;

public static class GraphiQLRegistration
{
    public const string AssetPath = "/graphiql";

    public static WebApplicationBuilder AddGraphiQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphiQLOptions>().Bind(builder.Configuration.GetSection(GraphiQLOptions.SectionName));
        builder.Services.AddSingleton<GraphiQLAssets>();
        return builder;
    }

    /// <summary>
    /// A browser's plain GET of <paramref name="graphqlPath"/> (Accept: text/html, no GraphQL parameters) gets the IDE;
    /// everything else there stays GraphQL over HTTP. Off in Production unless GraphiQL:Enabled is true.
    /// </summary>
    public static WebApplication UseGraphiQL(this WebApplication app, string graphqlPath = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GraphiQLOptions>>().Value;
        if (!(options.Enabled ?? !app.Environment.IsProduction()))
        {
            return app;
        }

        var assets = app.Services.GetRequiredService<GraphiQLAssets>();
        app.UseWhen(context => context.Request.Path.Equals(graphqlPath, StringComparison.OrdinalIgnoreCase) && WantsIde(context.Request),
            branch => branch.Run(context => WriteAsync(context, assets, "index.html", cacheable: false)));
        app.MapGet(AssetPath + "/{name}", (HttpContext context, string name) =>
            assets.TryGet(name, out _, out _) ? WriteAsync(context, assets, name, cacheable: true) : NotFound(context))
            .WithDisplayName("GraphiQL assets");
        return app;
    }

    private static bool WantsIde(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId") && !request.Query.ContainsKey("extensions")
        && !request.Headers.ContainsKey(HeaderNames.Upgrade)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static async Task WriteAsync(HttpContext context, GraphiQLAssets assets, string name, bool cacheable)
    {
        assets.TryGet(name, out var content, out var contentType);
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = cacheable ? "public, max-age=3600" : "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
