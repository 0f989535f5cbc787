using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>The WebSocket endpoint's operating limits: connections per key and per anonymous address, operations per connection.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class GraphQLWebSocketLimitTests(TestStore store) : StoreFixture(store)
{
    private const string Subscription = "subscription { tickerChanged { kind } }";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:WebSocket:MaxConnectionsPerKey"] = "2",
        ["GraphQL:WebSocket:MaxAnonymousConnectionsPerAddress"] = "2",
        ["GraphQL:WebSocket:MaxSubscriptionsPerConnection"] = "2",
    };

    [Test]
    public async Task A_key_over_its_connection_cap_is_refused_at_connection_init_with_4403_while_other_keys_connect()
    {
        var key = await CreateKeyAsync("ws-capped", ApiRole.Partner);
        var other = await CreateKeyAsync("ws-other", ApiRole.Partner);
        await using var first = await InitWithKeyAsync(key);
        await using var second = await InitWithKeyAsync(key);

        await using var third = await GraphQLWebSocketClient.ConnectAsync(Factory);
        await third.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });

        Assert.That(await third.ClosedWithAsync(), Is.EqualTo(4403));
        Assert.That(third.CloseReason, Does.Contain("too many connections"));
        await using var otherKey = await InitWithKeyAsync(other);
        await otherKey.SubscribeAsync("q", "{ ticker(first: 1) { headline } }");
        using var answer = await otherKey.ReceiveAsync();
        Assert.That(answer!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"));
    }

    [Test]
    public async Task A_closed_connection_frees_its_place_under_the_key_cap()
    {
        var key = await CreateKeyAsync("ws-reuse", ApiRole.Partner);
        await using var first = await InitWithKeyAsync(key);
        await using (var second = await InitWithKeyAsync(key))
        {
            await second.SendAsync(new { type = "ping" });
            using var pong = await second.ReceiveAsync();
        }

        // The server releases the place when it sees the close: retry until it has (bounded by the client's patience).
        for (var attempt = 0; ; attempt++)
        {
            await using var again = await GraphQLWebSocketClient.ConnectAsync(Factory);
            await again.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });
            using var reply = await again.ReceiveAsync();
            if (reply is not null)
            {
                Assert.That(reply.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"));
                return;
            }

            Assert.That(attempt, Is.LessThan(50), "the closed connection's place was never freed");
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Anonymous_connections_from_one_address_over_the_cap_are_refused_with_4403()
    {
        // Other tests' anonymous sockets are closed when they finish; hold the cap's worth here and try one more.
        var held = new List<GraphQLWebSocketClient>();
        try
        {
            GraphQLWebSocketClient? refused = null;
            for (var opened = 0; opened < 10 && refused is null; opened++)
            {
                var client = await GraphQLWebSocketClient.ConnectAsync(Factory);
                await client.SendAsync(new { type = "connection_init" });
                using var reply = await client.ReceiveAsync();
                if (reply is null)
                {
                    refused = client;
                }
                else
                {
                    held.Add(client);
                }
            }

            Assert.That(refused, Is.Not.Null);
            Assert.That(held, Has.Count.LessThanOrEqualTo(2));
            Assert.That((int?)refused!.CloseStatus, Is.EqualTo(4403));
            Assert.That(refused.CloseReason, Does.Contain("too many connections"));
            await refused.DisposeAsync();
        }
        finally
        {
            foreach (var client in held)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task An_operation_over_the_per_connection_cap_gets_an_error_with_its_code_and_the_others_keep_running()
    {
        var key = await CreateKeyAsync("ws-operations", ApiRole.Partner);
        await using var client = await InitWithKeyAsync(key);
        await client.SubscribeAsync("1", Subscription);
        await client.SubscribeAsync("2", Subscription);

        await client.SubscribeAsync("3", Subscription);

        using var refused = await client.ReceiveAsync();
        Assert.That(refused!.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"));
        Assert.That(refused.RootElement.GetProperty("id").GetString(), Is.EqualTo("3"));
        Assert.That(refused.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("TOO_MANY_OPERATIONS"));

        // Completing one makes room again.
        await client.SendAsync(new { id = "1", type = "complete" });
        await client.SendAsync(new { type = "ping" });
        using var pong = await client.ReceiveAsync();
        await client.SubscribeAsync("4", "{ ticker(first: 1) { headline } }");
        using var next = await client.ReceiveAsync();
        Assert.That(next!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"), next.RootElement.GetRawText());
    }

    private async Task<GraphQLWebSocketClient> InitWithKeyAsync(string key)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(Factory);
        await client.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });
        using var ack = await client.ReceiveAsync();
        Assert.That(ack?.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"), $"closed: {client.CloseStatus} {client.CloseReason}");
        return client;
    }
}
