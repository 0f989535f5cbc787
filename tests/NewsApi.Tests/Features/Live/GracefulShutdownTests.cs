using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

/// <summary>A server told to stop (SIGTERM) ends every live stream properly before it exits, so clients reconnect at once.</summary>
[NonParallelizable]
[TestFixture(TestStore.Sqlite)]
public sealed class GracefulShutdownTests(TestStore store) : StoreFixture(store)
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Stopping_the_server_completes_every_subscription_closes_sockets_with_1001_and_ends_event_streams()
    {
        // The in-process server has migrated and seeded the store; the process serves the same SQLite file.
        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString);
        var sockets = new List<GraphQLWebSocketClient>();
        for (var i = 0; i < 3; i++)
        {
            var socket = await GraphQLWebSocketClient.ConnectAndInitAsync(server.Address);
            await socket.SubscribeAsync($"ticker-{i}", "subscription { tickerChanged { kind } }");
            await socket.SubscribeAsync($"published-{i}", "subscription { articlePublished { slug } }");

            // A ping answered after the subscribes means the server has them running.
            await socket.SendAsync(new { type = "ping" });
            using var pong = await socket.ReceiveAsync();
            Assert.That(pong!.RootElement.GetProperty("type").GetString(), Is.EqualTo("pong"));
            sockets.Add(socket);
        }

        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        using var sse = await http.GetAsync("/events/ticker", HttpCompletionOption.ResponseHeadersRead);
        using var sseReader = new StreamReader(await sse.Content.ReadAsStreamAsync());
        Assert.That(await sseReader.ReadLineAsync(), Does.StartWith(":"));

        // Clients read all along, as real ones do, so they answer the server's close frame.
        var reading = sockets.Select(ReadUntilClosedAsync).ToList();
        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Zero);
        for (var i = 0; i < sockets.Count; i++)
        {
            var completed = await reading[i];
            Assert.That(completed, Is.EquivalentTo(new[] { $"complete ticker-{i}", $"complete published-{i}" }));
            Assert.That((int?)sockets[i].CloseStatus, Is.EqualTo(1001), sockets[i].CloseReason);
            await sockets[i].DisposeAsync();
        }

        // The event stream ended as a response ends (no reset): reading reaches its end without an error.
        while (await sseReader.ReadLineAsync() is { } line)
        {
            Assert.That(line, Does.StartWith(":").Or.Empty, "no event was expected");
        }
    }

    private static async Task<List<string>> ReadUntilClosedAsync(GraphQLWebSocketClient socket)
    {
        var messages = new List<string>();
        while (await socket.ReceiveAsync() is { } message)
        {
            using (message)
            {
                messages.Add(message.RootElement.GetProperty("type").GetString() + " " + message.RootElement.GetProperty("id").GetString());
            }
        }

        return messages;
    }
}
