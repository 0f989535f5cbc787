using System.Diagnostics;
using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>The ecosystem's own WebSocket client (npm graphql-ws), unchanged, against the server as a process.</summary>
[NonParallelizable]
[TestFixture(TestStore.Sqlite)]
public sealed class GraphQLWsClientTests(TestStore store) : StoreFixture(store)
{
    [Test]
    [CancelAfter(180_000)]
    public async Task The_graphql_ws_client_queries_and_receives_a_ticker_change(CancellationToken cancellationToken)
    {
        await EcosystemClients.EnsureInstalledAsync("graphql-ws", cancellationToken);

        // The in-process server has migrated and seeded the store; the process serves the same SQLite file.
        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString);
        using var node = EcosystemClients.Start("node", ["graphql-ws-client.mjs", new Uri(server.Address, "graphql").AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal)]);

        var steps = new Dictionary<string, JsonElement>();
        while (await node.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            using var step = JsonDocument.Parse(line);
            var name = step.RootElement.GetProperty("step").GetString()!;
            steps[name] = step.RootElement.GetProperty("value").Clone();
            if (name == "subscribed")
            {
                // The process hears of writes to the shared file on its fallback read; keep news coming until it does.
                _ = KeepPublishingAsync(node, cancellationToken);
            }
        }

        await node.WaitForExitAsync(cancellationToken);
        var errors = await node.StandardError.ReadToEndAsync(cancellationToken);
        Assert.That(node.ExitCode, Is.Zero, string.Join('\n', steps.Select(s => $"{s.Key}: {s.Value}")) + errors);
        var ticker = steps["query"].GetProperty("data").GetProperty("ticker");
        Assert.That(ticker.GetArrayLength(), Is.EqualTo(2));
        Assert.That(ticker[0].GetProperty("dir").GetString(), Is.EqualTo("RTL"));
        var change = steps["next"].GetProperty("data").GetProperty("tickerChanged");
        Assert.That(change.GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
        Assert.That(change.GetProperty("item").GetProperty("headline").GetString(), Does.StartWith("عبر عميل graphql-ws"));
    }

    private async Task KeepPublishingAsync(Process node, CancellationToken cancellationToken)
    {
        for (var i = 0; !node.HasExited && i < 30; i++)
        {
            await using (var db = await CreateDbContextAsync())
            {
                var now = DateTime.UtcNow;
                db.TickerItems.Add(new TickerItem { Headline = $"عبر عميل graphql-ws {i}", StartsAt = now.AddSeconds(-1), CreatedAt = now, UpdatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }

            await Task.Delay(1000, cancellationToken);
        }
    }
}
