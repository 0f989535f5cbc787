using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace NewsApi.Tests.Infrastructure;

/// <summary>A raw graphql-transport-ws client over a real WebSocket to the in-process server, for protocol tests.</summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebSocket socket;

    private GraphQLWebSocketClient(WebSocket socket) => this.socket = socket;

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    public static async Task<GraphQLWebSocketClient> ConnectAsync(NewsApiFactory factory, string subProtocol = "graphql-transport-ws")
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add(subProtocol);
        var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), CancellationToken.None);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>Connects over a real socket to a server listening at <paramref name="address"/> (http://host:port/).</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri address)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(new Uri(address.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal)), "graphql"), CancellationToken.None);
        return new GraphQLWebSocketClient(socket);
    }

    /// <summary>Connects and completes connection_init / connection_ack.</summary>
    public static Task<GraphQLWebSocketClient> ConnectAndInitAsync(NewsApiFactory factory) => InitAsync(ConnectAsync(factory));

    public static Task<GraphQLWebSocketClient> ConnectAndInitAsync(Uri address) => InitAsync(ConnectAsync(address));

    private static async Task<GraphQLWebSocketClient> InitAsync(Task<GraphQLWebSocketClient> connecting)
    {
        var client = await connecting;
        await client.SendAsync(new { type = "connection_init" });
        var ack = await client.ReceiveAsync();
        Assert.That(ack?.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"));
        return client;
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public Task SendRawAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends <paramref name="bytes"/> as they are, in one frame of <paramref name="type"/>: for hostile-input tests.</summary>
    public Task SendFrameAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text, bool endOfMessage = true) =>
        socket.SendAsync(bytes, type, endOfMessage, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message, skipping the server's keep-alive pings; null once the server closed the socket.</summary>
    public async Task<JsonDocument?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var buffer = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                var chunk = new byte[8192];
                result = await socket.ReceiveAsync(chunk, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Write(chunk, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var message = JsonDocument.Parse(buffer.ToArray());
            if (message.RootElement.GetProperty("type").GetString() != "ping")
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes, and returns the close code.</summary>
    public async Task<int?> ClosedWithAsync()
    {
        while (await ReceiveAsync() is { } message)
        {
            message.Dispose();
        }

        return (int?)socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        socket.Dispose();
    }
}
