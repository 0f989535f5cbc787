using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsApi.Tests.Infrastructure;

/// <summary>A CDN's purge API in miniature: a real HTTP listener on a port the OS picks, recording the keys each POST names.</summary>
public sealed class PurgeReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<IReadOnlyList<string>> purges = Channel.CreateUnbounded<IReadOnlyList<string>>();
    private int failuresLeft;

    private PurgeReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public static PurgeReceiver Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new PurgeReceiver(builder.Build());
        receiver.app.MapPost("/purge", async (HttpContext context) =>
        {
            if (Interlocked.Decrement(ref receiver.failuresLeft) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var keys = body.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToList();
            receiver.purges.Writer.TryWrite(keys);
            return Results.NoContent();
        });
        receiver.app.Start();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/purge");
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> purges are refused with 503, as a CDN having a bad moment would.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    /// <summary>Waits for a purge naming all of <paramref name="expected"/>; purges of other writes on the way are skipped.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(params string[] expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var keys = await purges.Reader.ReadAsync(timeout.Token);
                if (expected.All(keys.Contains))
                {
                    return keys;
                }

                seen.Add(string.Join(' ', keys));
            }
        }
        catch (OperationCanceledException)
        {
            throw new AssertionException($"No purge named {string.Join(' ', expected)}; purges seen: [{string.Join("] [", seen)}]");
        }
    }

    /// <summary>Forgets purges received so far.</summary>
    public void Clear()
    {
        while (purges.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
