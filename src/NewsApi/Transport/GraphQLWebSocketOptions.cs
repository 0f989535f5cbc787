namespace NewsApi.Transport;

/// <summary>Limits of the graphql-transport-ws endpoint, bound from <c>GraphQL:WebSocket</c>.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSocket";

    /// <summary>How long a client has to send connection_init before it is closed with 4408.</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operations one connection may run at once; more get an error message for that id.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 50;

    /// <summary>Largest message accepted from a client; a larger one closes the connection with 4400.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How often the server sends a ping, so idle connections through proxies stay open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(20);
}
