using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsApi.Transport;

public static class GraphQLWebSocketRegistration
{
    public const string SubProtocol = "graphql-transport-ws";

    public static WebApplicationBuilder AddGraphQLWebSockets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLWebSocketOptions>().Bind(builder.Configuration.GetSection(GraphQLWebSocketOptions.SectionName));
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
        builder.Services.AddSingleton<GraphQLWebSocketConnectionCounter>();
        builder.Services.TryAddSingleton<ExecutionErrorNormalizer>();
        return builder;
    }

    /// <summary>Answers WebSocket upgrades at <paramref name="path"/> with graphql-transport-ws; everything else passes on to HTTP.</summary>
    public static WebApplication UseGraphQLWebSockets(this WebApplication app, string path = "/graphql")
    {
        var endpoint = app.Services.GetRequiredService<GraphQLWebSocketEndpoint>();
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && context.Request.Path.Equals(path, StringComparison.Ordinal))
            {
                await endpoint.HandleAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
