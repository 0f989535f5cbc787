namespace NewsApi.Transport;

/// <summary>Limits of the graphql-transport-ws endpoint, bound from <c>GraphQL:WebSocket</c>.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSocket";

    /// <summary>How long a client has to send connection_init before it is closed with 4408.</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operations one connection may run at once; more get an error message for that id.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 50;

    /// <summary>
    /// Connections one API key may hold open on an instance; the next is closed at connection_init with 4403 and the
    /// reason "Forbidden: too many connections".
    /// </summary>
    public int MaxConnectionsPerKey { get; set; } = 100;

    /// <summary>Connections without a key one client address may hold open on an instance (the same 4403 over it).</summary>
    public int MaxAnonymousConnectionsPerAddress { get; set; } = 20;

    /// <summary>Largest message accepted from a client; a larger one closes the connection with 4400.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How long the server waits for a client to answer its close frame before it drops the connection.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the server sends a ping, so idle connections through proxies stay open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(20);
}
