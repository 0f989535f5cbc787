using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using NewsApi.Graph;

namespace NewsApi.Transport;

/// <summary>
/// One graphql-transport-ws connection, exactly as the graphql-ws project's PROTOCOL.md describes it:
/// connection_init → connection_ack, ping/pong, subscribe → next* → complete (or error), with the protocol's close
/// codes for every violation. Each operation runs in a DI scope of its own; sends are serialised, since a WebSocket
/// allows one writer at a time.
/// </summary>
internal sealed partial class GraphQLWebSocketSession(
    WebSocket socket,
    HttpContext http,
    IDocumentExecuter executer,
    IGraphQLSerializer serializer,
    GraphQLWebSocketOptions options,
    GraphQLWebSocketConnectionCounter connections,
    NewsApi.Features.PersistedDocuments.PersistedDocumentResolver persistedDocuments,
    ExecutionErrorNormalizer errorRules,
    ILogger<GraphQLWebSocketSession> logger) : IDisposable
{
    /// <summary>Results an operation may have waiting to be sent before it is ended as too slow.</summary>
    private const int OperationQueueLength = 256;

    /// <summary>RFC 6455's registry: the server is overloaded or cannot serve for now; the client may retry.</summary>
    private const int TryAgainLater = 1013;

    private static readonly JsonWriterOptions EnvelopeJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource session = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();
    private int initReceived;
    private IDisposable? connectionLease;
    private Task draining = Task.CompletedTask;
    private volatile bool acknowledged;

    // Browsers cannot set headers on a WebSocket: a key may come in connection_init instead of on the upgrade request.
    private System.Security.Claims.ClaimsPrincipal user = http.User;

    /// <summary>
    /// Serves the connection until either side closes it. <paramref name="aborted"/> means the client is gone;
    /// <paramref name="serverStopping"/> starts a graceful goodbye while the receive loop keeps running, since
    /// cancelling a pending receive would abort the socket before the client heard anything.
    /// </summary>
    public async Task RunAsync(CancellationToken aborted, CancellationToken serverStopping)
    {
        using var abort = aborted.Register(() => session.Cancel());
        using var drain = serverStopping.Register(() => draining = DrainAsync());
        var initTimeout = CloseIfNotInitialisedAsync();
        var keepAlive = KeepAliveAsync();
        try
        {
            while (socket.State == WebSocketState.Open && !session.IsCancellationRequested)
            {
                var message = await ReceiveAsync(session.Token);
                if (message is null)
                {
                    break;
                }

                await HandleAsync(message);
            }
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
            // The client went away without a close handshake; nothing left to tell it.
        }
        finally
        {
            await ShutDownAsync();
            await draining;
            await Task.WhenAll([initTimeout, keepAlive, .. running.Keys]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (socket.State == WebSocketState.CloseReceived)
            {
                // Complete the client's close handshake.
                await CloseAsync((int)WebSocketCloseStatus.NormalClosure, string.Empty);
            }
            else if (socket.State == WebSocketState.CloseSent)
            {
                // Ours was sent: wait briefly for the client's answer, so the connection ends with a handshake, not a reset.
                await AwaitCloseReplyAsync();
            }
        }
    }

    public void Dispose()
    {
        connectionLease?.Dispose();
        session.Dispose();
        sending.Dispose();
    }

    private async Task HandleAsync(JsonDocument message)
    {
        using (message)
        {
            var root = message.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: a JSON object with a string type is required");
                return;
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    if (Interlocked.Exchange(ref initReceived, 1) == 1)
                    {
                        await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
                        return;
                    }

                    if (root.TryGetProperty("payload", out var initPayload) && initPayload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: connection_init payload must be an object");
                        return;
                    }

                    if (KeyIn(initPayload) is { } key)
                    {
                        System.Security.Claims.ClaimsPrincipal? caller;
                        try
                        {
                            caller = await NewsApi.Security.BearerCredentials.FindCallerAsync(http.RequestServices, key, session.Token);
                        }
                        catch (Exception exception) when (NewsApi.Data.DatabaseReadiness.IsUnavailableFault(exception))
                        {
                            // The key cannot be checked now: 1013 (Try Again Later) lets clients reconnect with backoff.
                            await CloseAsync(TryAgainLater, "Try again later: the database is unavailable");
                            return;
                        }

                        if (caller is null)
                        {
                            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden: unknown or revoked API key, or invalid token");
                            return;
                        }

                        user = caller;
                    }

                    // Counted once the owner is known: the key's, else the client address's.
                    connectionLease = connections.TryOpen(user, http.Connection.RemoteIpAddress);
                    if (connectionLease is null)
                    {
                        await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden: too many connections");
                        return;
                    }

                    acknowledged = true;
                    await SendAsync(writer => writer.WriteString("type", "connection_ack"));
                    return;

                case "ping":
                    await SendAsync(writer => writer.WriteString("type", "pong"));
                    return;

                case "pong":
                    return;

                case "subscribe":
                    await SubscribeAsync(root);
                    return;

                case "complete":
                    if (root.TryGetProperty("id", out var completed) && completed.ValueKind == JsonValueKind.String
                        && operations.TryRemove(completed.GetString()!, out var cancellation))
                    {
                        await cancellation.CancelAsync();
                    }

                    return;

                default:
                    await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, $"Invalid message received: unknown type '{Shorten(typeElement.GetString())}'");
                    return;
            }
        }
    }

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!acknowledged)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!message.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id
            || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !(HasString(payload, "query") || HasString(payload, "documentId")))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query or a documentId");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            await SendErrorsAsync(id, "The subscribe payload's variables or extensions are not valid.", "INVALID_VARIABLES");
            return;
        }

        var documentId = payload.TryGetProperty("documentId", out var documentIdElement) && documentIdElement.ValueKind == JsonValueKind.String
            ? documentIdElement.GetString()
            : null;
        var (resolved, refusal) = persistedDocuments.Resolve(user,
            new GraphQLHttpRequest(request!.Query ?? string.Empty, request.OperationName, request.Variables, request.Extensions, DocumentId: documentId));
        if (refusal is not null)
        {
            await SendErrorsAsync(id, refusal.Message, refusal.Code ?? ErrorCodes.BadRequest);
            return;
        }

        request.Query = resolved!.Query;

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(session.Token);
        if (!operations.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {Shorten(id)} already exists");
            return;
        }

        if (operations.Count > options.MaxSubscriptionsPerConnection)
        {
            operations.TryRemove(id, out _);
            cancellation.Dispose();
            await SendErrorsAsync(id, $"A connection may run at most {options.MaxSubscriptionsPerConnection} operations at once.", ErrorCodes.TooManyOperations);
            return;
        }

        var operation = RunOperationAsync(id, request!, cancellation);
        running.TryAdd(operation, true);
        _ = operation.ContinueWith(done => running.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        try
        {
            await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = scope.ServiceProvider,
                User = user,
                CancellationToken = cancellation.Token,
            });
            var correlationId = CorrelationId(id);
            errorRules.Normalize(result, correlationId);

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, streams.Values.First(), correlationId, cancellation.Token);
            }
            else if (!result.Executed)
            {
                // Refused before execution (parse, validation, variables): the protocol's error message, then done.
                await SendAsync(id, "error", writer => WriteErrors(writer, result));
                return;
            }
            else
            {
                await SendAsync(id, "next", writer => WritePayload(writer, result));
            }

            await SendAsync(id, "complete", null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Completed by the client, or the connection is closing: no further messages for this id.
        }
        catch (SlowConsumerException)
        {
            await SendErrorsAsync(id, "The connection fell too far behind; subscribe again with `since` to catch up.", ErrorCodes.SlowConsumer);
        }
#pragma warning disable CA1031 // A fault in one operation must close the connection with 4500, not crash the server.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogOperationFailed(logger, exception, http.TraceIdentifier);
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            if (operations.TryGetValue(id, out var current) && current == cancellation)
            {
                operations.TryRemove(id, out _);
            }

            cancellation.Dispose();
        }
    }

    /// <summary>Names one operation of this connection in the log and in the errors its client sees.</summary>
    private string CorrelationId(string id) => $"{http.TraceIdentifier}:{id}";

    private async Task StreamAsync(string id, IObservable<ExecutionResult> stream, string correlationId, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(OperationQueueLength) { SingleReader = true });
        using var subscription = stream.Subscribe(new QueueObserver(queue.Writer));
        NewsApi.Hosting.Telemetry.NewsTelemetry.ActiveSubscriptions.Add(1);
        try
        {
            await foreach (var next in queue.Reader.ReadAllAsync(cancellationToken))
            {
                errorRules.Normalize(next, correlationId);
                await SendAsync(id, "next", writer => WritePayload(writer, next));
            }
        }
        finally
        {
            NewsApi.Hosting.Telemetry.NewsTelemetry.ActiveSubscriptions.Add(-1);
        }
    }

    private void WritePayload(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WritePropertyName("payload");
        writer.WriteRawValue(((IGraphQLTextSerializer)serializer).Serialize(result), skipInputValidation: true);
    }

    private void WriteErrors(Utf8JsonWriter writer, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(((IGraphQLTextSerializer)serializer).Serialize(result));
        writer.WritePropertyName("payload");
        if (document.RootElement.TryGetProperty("errors", out var errors))
        {
            errors.WriteTo(writer);
        }
        else
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
    }

    private Task SendErrorsAsync(string id, string message, string code) => SendAsync(id, "error", writer =>
    {
        writer.WriteStartArray("payload");
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    private Task SendAsync(string id, string type, Action<Utf8JsonWriter>? payload) => SendAsync(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteString("type", type);
        payload?.Invoke(writer);
    });

    private async Task SendAsync(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EnvelopeJson))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        await sending.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            await session.CancelAsync();
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var segment = buffer.GetMemory(4096);
            var received = await socket.ReceiveAsync(segment, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(received.Count);
            if (buffer.WrittenCount > options.MaxMessageBytes)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: message too large");
                return null;
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: messages are JSON text");
                return null;
            }

            if (!received.EndOfMessage)
            {
                continue;
            }

            try
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
            catch (JsonException)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: not JSON");
                return null;
            }
        }
    }

    private async Task AwaitCloseReplyAsync()
    {
        using var patience = new CancellationTokenSource(options.CloseHandshakeTimeout);
        var discard = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(discard.AsMemory(), patience.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client did not answer in time or went away: nothing more to wait for.
        }
    }

    private async Task CloseIfNotInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.InitTimeout, session.Token);
            if (Volatile.Read(ref initReceived) == 0)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(options.KeepAlive);
        try
        {
            while (await timer.WaitForNextTickAsync(session.Token))
            {
                await SendAsync(writer => writer.WriteString("type", "ping"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ShutDownAsync()
    {
        foreach (var (id, cancellation) in operations.ToArray())
        {
            if (operations.TryRemove(id, out _))
            {
                await cancellation.CancelAsync();
            }
        }

        await session.CancelAsync();
    }

    /// <summary>
    /// Graceful shutdown: every subscriber hears its subscription end, the socket is closed with 1001 Going Away, and
    /// the client's close frame ends the receive loop; a client that does not answer in time is cut off.
    /// </summary>
    private async Task DrainAsync()
    {
        foreach (var (id, cancellation) in operations.ToArray())
        {
            if (operations.TryRemove(id, out _))
            {
                await cancellation.CancelAsync();
                await SendAsync(id, "complete", null);
            }
        }

        await CloseAsync((int)WebSocketCloseStatus.EndpointUnavailable, "Server shutting down", endSession: false);
        try
        {
            await Task.Delay(options.CloseHandshakeTimeout, session.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await session.CancelAsync();
    }

    private async Task CloseAsync(int code, string reason, bool endSession = true)
    {
        await sending.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            sending.Release();
        }

        if (endSession)
        {
            await session.CancelAsync();
        }
    }

    private static bool HasString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;

    /// <summary>An API key in a connection_init payload: <c>apiKey</c>, <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
    private static string? KeyIn(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in new[] { "apiKey", "X-Api-Key", "x-api-key" })
        {
            if (payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } key)
            {
                return key.Trim();
            }
        }

        foreach (var name in new[] { "Authorization", "authorization" })
        {
            if (payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return header["Bearer ".Length..].Trim();
            }
        }

        return null;
    }

    private static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "A WebSocket operation failed; correlation id {CorrelationId}")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string correlationId);

    private sealed class SlowConsumerException() : Exception("The client did not read fast enough.");

    private sealed class QueueObserver(ChannelWriter<ExecutionResult> queue) : IObserver<ExecutionResult>
    {
        public void OnCompleted() => queue.TryComplete();

        public void OnError(Exception error) => queue.TryComplete(error);

        public void OnNext(ExecutionResult value)
        {
            if (!queue.TryWrite(value))
            {
                queue.TryComplete(new SlowConsumerException());
            }
        }
    }
}
