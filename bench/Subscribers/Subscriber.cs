using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NewsApi.Bench.Subscribers;

/// <summary>
/// One graphql-transport-ws connection subscribed to tickerChanged. Records, per benchmark mutation, the moment the
/// ADDED event carrying its marker arrived (Stopwatch ticks), and answers the server's pings.
/// </summary>
internal sealed class Subscriber(int index, long[][] receipts, int[] received, int[] broken) : IDisposable
{
    private const string Subscription = "subscription { tickerChanged { kind sequence item { id headline } } }";
    private readonly ClientWebSocket socket = CreateSocket();

    public int Index { get; } = index;

    /// <summary>Why this connection failed (closed early, protocol error); null while it is healthy.</summary>
    public string? Failure { get; private set; }

    public async Task OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(uri, cancellationToken);
        await SendAsync("""{"type":"connection_init","payload":{}}""", cancellationToken);
        using var ack = await ReceiveAsync(cancellationToken);
        var type = ack?.RootElement.GetProperty("type").GetString();
        if (type != "connection_ack")
        {
            throw new InvalidOperationException($"expected connection_ack, got {type ?? "a close"}");
        }

        var subscribe = JsonSerializer.Serialize(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
        await SendAsync(subscribe, cancellationToken);
    }

    /// <summary>Reads until the connection closes or the run ends.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var message = await ReceiveAsync(cancellationToken);
                if (message is null)
                {
                    Fail($"closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}");
                    return;
                }

                var timestamp = Stopwatch.GetTimestamp();
                var root = message.RootElement;
                switch (root.GetProperty("type").GetString())
                {
                    case "ping":
                        await SendAsync("""{"type":"pong"}""", cancellationToken);
                        break;
                    case "next":
                        Record(root, timestamp);
                        break;
                    case "pong":
                        break;
                    default:
                        Fail($"unexpected message: {root.GetRawText()}");
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (WebSocketException exception)
        {
            Fail($"socket error: {exception.Message}");
        }
    }

    public void Dispose() => socket.Dispose();

    private void Fail(string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
            Interlocked.Increment(ref broken[0]);
        }
    }

    private static ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetBuffer(4096, 1024);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        return socket;
    }

    private void Record(JsonElement root, long timestamp)
    {
        if (root.TryGetProperty("payload", out var payload) && payload.TryGetProperty("errors", out _))
        {
            Fail($"error in next: {payload.GetRawText()}");
            return;
        }

        var change = root.GetProperty("payload").GetProperty("data").GetProperty("tickerChanged");
        var headline = change.GetProperty("item").GetProperty("headline").GetString();
        if (change.GetProperty("kind").GetString() != "ADDED" || !Marker.TryParse(headline, out var mutation) || mutation >= receipts.Length)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref receipts[mutation][Index], timestamp, 0) == 0)
        {
            Interlocked.Increment(ref received[mutation]);
        }
    }

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            using var stream = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                stream.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(stream.ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
