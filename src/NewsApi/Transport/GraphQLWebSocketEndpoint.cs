using GraphQL;
using Microsoft.Extensions.Options;

namespace NewsApi.Transport;

/// <summary>Accepts graphql-transport-ws connections and runs a session for each.</summary>
internal sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter executer,
    IGraphQLSerializer serializer,
    IOptions<GraphQLWebSocketOptions> options,
    NewsApi.Hosting.OpenStreams streams,
    GraphQLWebSocketConnectionCounter connections,
    NewsApi.Features.PersistedDocuments.PersistedDocumentResolver persistedDocuments,
    ExecutionErrorNormalizer errorRules,
    ILogger<GraphQLWebSocketSession> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketRegistration.SubProtocol))
        {
            // The protocol says to refuse other subprotocols; accepting and closing tells the client why.
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable,
                "Subprotocol not acceptable: use graphql-transport-ws", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(GraphQLWebSocketRegistration.SubProtocol);
        using var session = new GraphQLWebSocketSession(socket, context, executer, serializer, options.Value, connections, persistedDocuments, errorRules, logger);
        NewsApi.Hosting.Telemetry.NewsTelemetry.WebSocketConnections.Add(1);
        try
        {
            await streams.RunAsync(serverStopping => session.RunAsync(context.RequestAborted, serverStopping));
        }
        finally
        {
            NewsApi.Hosting.Telemetry.NewsTelemetry.WebSocketConnections.Add(-1);
        }
    }
}
