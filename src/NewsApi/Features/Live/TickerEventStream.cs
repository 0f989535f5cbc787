using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsApi.Features.Tickers;
using NewsApi.Graph;

namespace NewsApi.Features.Live;

/// <summary>
/// The ticker's changes as Server-Sent Events at /events/ticker, for partners and simple clients without GraphQL or
/// WebSockets. Each event's id is its sequence, so a browser's EventSource resumes by itself (Last-Event-ID) after a
/// dropped connection; <c>?since=</c> does the same by hand.
/// </summary>
public static class TickerEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapTickerEventStream(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/events/ticker", StreamAsync);
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext context, LiveEvents events, NewsApi.Hosting.OpenStreams streams)
    {
        long? since;
        try
        {
            since = LiveEvents.ParseSequence(context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? context.Request.Query["since"].FirstOrDefault());
        }
        catch (ApiError error)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { errors = new[] { new { message = error.Message, extensions = new { code = error.Code } } } });
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": ticker\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        // Shutting down ends the stream cleanly, so the host need not wait out its timeout for open streams;
        // the client's EventSource reconnects (to another instance) with Last-Event-ID.
        await streams.RunAsync(stopping => SendChangesAsync(context, events, since, stopping));
    }

    private static async Task SendChangesAsync(HttpContext context, LiveEvents events, long? since, CancellationToken stopping)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var aborted = ending.Token;
        await using var changes = TickerChangeFeed.ReadAsync(events, since, aborted).GetAsyncEnumerator(aborted);
        var next = changes.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                // Proxies drop silent connections: a comment line now and then keeps them open.
                if (await Task.WhenAny(next, Task.Delay(KeepAlive, aborted)) != next)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                await context.Response.WriteAsync(Format(changes.Current), aborted);
                await context.Response.Body.FlushAsync(aborted);
                next = changes.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        finally
        {
            // The enumerator may not be disposed while a MoveNextAsync is pending; it ends on the same token.
            await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static string Format(TickerChange change)
    {
        var item = change.Item;
        var data = JsonSerializer.Serialize(new
        {
            kind = change.Kind.ToString().ToUpperInvariant(),
            sequence = change.Sequence.ToString(CultureInfo.InvariantCulture),
            item = new
            {
                id = GlobalId.Encode(TickerItemGraphType.TypeName, item.Id),
                headline = item.Headline,
                excerpt = item.Excerpt,
                priority = item.Priority.ToString().ToUpperInvariant(),
                startsAt = item.StartsAt,
                expiresAt = item.ExpiresAt,
                lang = item.Lang,
                dir = LanguageDirection.Of(item.Lang).ToString().ToUpperInvariant(),
            },
        }, Json);
        return string.Create(CultureInfo.InvariantCulture, $"id: {change.Sequence}\nevent: {change.Kind.ToString().ToLowerInvariant()}\ndata: {data}\n\n");
    }
}
