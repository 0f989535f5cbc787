using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>The graphql-transport-ws protocol's rules, each with the close code PROTOCOL.md gives it.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class GraphQLWebSocketProtocolTests(TestStore store) : StoreFixture(store)
{
    private const string Subscription = "subscription { tickerChanged { kind } }";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:WebSocket:InitTimeout"] = "00:00:00.500",
    };

    [Test]
    public async Task Ping_is_answered_with_pong()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SendAsync(new { type = "ping", payload = new { at = 1 } });

        using var pong = await client.ReceiveAsync();
        Assert.That(pong!.RootElement.GetProperty("type").GetString(), Is.EqualTo("pong"));
    }

    [Test]
    public async Task Completing_a_subscription_stops_it_and_frees_its_id()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await client.SubscribeAsync("x", Subscription);
        await client.SendAsync(new { id = "x", type = "complete" });
        await Task.Delay(100);

        await client.SubscribeAsync("x", "{ ticker(first: 1) { headline } }");

        using var next = await client.ReceiveAsync();
        Assert.That(next!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"));
        Assert.That(next.RootElement.GetProperty("id").GetString(), Is.EqualTo("x"));
    }

    [TestCase("not json")]
    [TestCase("[1, 2]")]
    [TestCase("{\"type\": 5}")]
    [TestCase("{\"type\": \"unheard_of\"}")]
    [TestCase("{\"type\": \"subscribe\", \"id\": \"1\"}")]
    [TestCase("{\"type\": \"subscribe\", \"payload\": {\"query\": \"{ ticker { headline } }\"}}")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SendRawAsync(message);

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4400));
    }

    [Test]
    public async Task Subscribing_before_the_connection_is_acknowledged_closes_with_4401()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);

        await client.SubscribeAsync("1", Subscription);

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4401));
    }

    [Test]
    public async Task Another_subprotocol_closes_with_4406()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory, "graphql-ws");

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4406));
    }

    [Test]
    public async Task No_connection_init_in_time_closes_with_4408()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4408));
    }

    [Test]
    public async Task A_second_subscriber_with_a_running_id_closes_with_4409()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await client.SubscribeAsync("same", Subscription);

        await client.SubscribeAsync("same", Subscription);

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4409));
    }

    [Test]
    public async Task A_key_in_connection_init_authorises_mutations_over_the_socket()
    {
        var (key, hash, prefix) = NewsApi.Security.ApiKeySecret.Create();
        await using (var db = await CreateDbContextAsync())
        {
            db.ApiKeys.Add(new NewsApi.Data.Entities.ApiKey { Name = "ws-editor", Role = NewsApi.Data.Entities.ApiRole.Editor, KeyHash = hash, Prefix = prefix, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);
        await client.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });
        using var ack = await client.ReceiveAsync();
        Assert.That(ack!.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"));

        await client.SubscribeAsync("m", "mutation { createTickerItem(input: { headline: \"عاجل عبر المقبس\" }) { tickerItem { headline } userErrors { code } } }");

        using var next = await client.ReceiveAsync();
        var payload = next!.RootElement.GetProperty("payload");
        Assert.That(payload.TryGetProperty("errors", out _), Is.False, payload.GetRawText());
        Assert.That(payload.GetProperty("data").GetProperty("createTickerItem").GetProperty("tickerItem").GetProperty("headline").GetString(), Is.EqualTo("عاجل عبر المقبس"));
    }

    [Test]
    public async Task Without_a_key_a_mutation_over_the_socket_is_unauthenticated()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SubscribeAsync("m", "mutation { createTickerItem(input: { headline: \"بلا مفتاح\" }) { tickerItem { headline } } }");

        using var next = await client.ReceiveAsync();
        Assert.That(next!.RootElement.GetRawText(), Does.Contain("UNAUTHENTICATED"));
    }

    [Test]
    public async Task An_unknown_key_in_connection_init_closes_with_4403()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);

        await client.SendAsync(new { type = "connection_init", payload = new { apiKey = "nwk_not-a-real-key" } });

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4403));
    }

    [Test]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SendAsync(new { type = "connection_init" });

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4429));
    }
}
