using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TickerSubscriptionTests(TestStore store) : StoreFixture(store)
{
    private const string TickerChanged = "subscription($since: String) { tickerChanged(since: $since) { kind sequence item { headline priority } } }";

    [Test]
    public async Task A_new_ticker_item_reaches_a_subscriber_as_added()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await client.SubscribeAsync("1", TickerChanged, new { since = await LastSequenceAsync() });

        var id = await AddTickerItemAsync("عاجل: بث مباشر للشريط");

        var change = await NextAsync(client, "1");
        Assert.That(change.GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
        Assert.That(change.GetProperty("item").GetProperty("headline").GetString(), Is.EqualTo("عاجل: بث مباشر للشريط"));

        await UpdateAsync(id, item => item.Priority = TickerPriority.Urgent);
        var update = await NextAsync(client, "1");
        Assert.That(update.GetProperty("kind").GetString(), Is.EqualTo("UPDATED"));
        Assert.That(update.GetProperty("item").GetProperty("priority").GetString(), Is.EqualTo("URGENT"));

        await UpdateAsync(id, item => item.ExpiresAt = DateTime.UtcNow.AddSeconds(-1));
        Assert.That((await NextAsync(client, "1")).GetProperty("kind").GetString(), Is.EqualTo("EXPIRED"));

        await using (var db = await CreateDbContextAsync())
        {
            await db.TickerItems.Where(t => t.Id == id).ExecuteDeleteAsync();
        }

        // A bulk delete bypasses the change tracker, so it is not news; removing through the model is.
        var removedId = await AddTickerItemAsync("يحذف بعد قليل");
        Assert.That((await NextAsync(client, "1")).GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
        await using (var db = await CreateDbContextAsync())
        {
            db.TickerItems.Remove(await db.TickerItems.AsTracking().SingleAsync(t => t.Id == removedId));
            await db.SaveChangesAsync();
        }

        Assert.That((await NextAsync(client, "1")).GetProperty("kind").GetString(), Is.EqualTo("REMOVED"));
    }

    [Test]
    public async Task An_item_reaching_its_expiry_time_is_announced_as_expired_once()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await client.SubscribeAsync("e", TickerChanged, new { since = await LastSequenceAsync() });
        int id;
        await using (var db = await CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var item = new TickerItem { Headline = "ينتهي بعد ثانية", StartsAt = now.AddSeconds(-1), ExpiresAt = now.AddSeconds(1), CreatedAt = now, UpdatedAt = now };
            db.TickerItems.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
        }

        Assert.That((await NextAsync(client, "e")).GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
        var expired = await NextAsync(client, "e");

        Assert.That(expired.GetProperty("kind").GetString(), Is.EqualTo("EXPIRED"));
        Assert.That(expired.GetProperty("item").GetProperty("headline").GetString(), Is.EqualTo("ينتهي بعد ثانية"));
        await Task.Delay(1500);
        await using var check = await CreateDbContextAsync();
        Assert.That(await check.ContentEvents.CountAsync(e => e.EntityId == id && e.Kind == ContentEventKind.TickerExpired), Is.EqualTo(1));
    }

    [Test]
    public async Task Resuming_with_since_replays_what_was_missed_then_goes_live_without_gaps_or_repeats()
    {
        string lastSeen;
        var headlines = new List<string>();
        await using (var first = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory))
        {
            await first.SubscribeAsync("a", TickerChanged, new { since = await LastSequenceAsync() });
            await AddTickerItemAsync("استئناف ١");
            var change = await NextAsync(first, "a");
            headlines.Add(change.GetProperty("item").GetProperty("headline").GetString()!);
            lastSeen = change.GetProperty("sequence").GetString()!;
        }

        // While the phone is offline, news keeps coming.
        await AddTickerItemAsync("استئناف ٢");
        await AddTickerItemAsync("استئناف ٣");

        await using var second = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await second.SubscribeAsync("b", TickerChanged, new { since = lastSeen });
        var sequences = new List<long> { long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 0; i < 2; i++)
        {
            var change = await NextAsync(second, "b");
            headlines.Add(change.GetProperty("item").GetProperty("headline").GetString()!);
            sequences.Add(long.Parse(change.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await AddTickerItemAsync("استئناف ٤");
        var live = await NextAsync(second, "b");
        headlines.Add(live.GetProperty("item").GetProperty("headline").GetString()!);
        sequences.Add(long.Parse(live.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(headlines, Is.EqualTo(new[] { "استئناف ١", "استئناف ٢", "استئناف ٣", "استئناف ٤" }));
        Assert.That(sequences, Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public async Task A_query_over_the_socket_answers_once_and_completes()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SubscribeAsync("q", "{ ticker(first: 1) { headline } }");

        using var next = await client.ReceiveAsync();
        Assert.That(next!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"));
        Assert.That(next.RootElement.GetProperty("payload").GetProperty("data").GetProperty("ticker").GetArrayLength(), Is.EqualTo(1));
        using var complete = await client.ReceiveAsync();
        Assert.That(complete!.RootElement.GetProperty("type").GetString(), Is.EqualTo("complete"));
        Assert.That(complete.RootElement.GetProperty("id").GetString(), Is.EqualTo("q"));
    }

    [Test]
    public async Task An_invalid_operation_gets_an_error_message_and_the_connection_stays_open()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SubscribeAsync("bad", "subscription { nope }");
        using var error = await client.ReceiveAsync();
        Assert.That(error!.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"));
        Assert.That(error.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.Not.Empty);

        await client.SendAsync(new { type = "ping" });
        using var pong = await client.ReceiveAsync();
        Assert.That(pong!.RootElement.GetProperty("type").GetString(), Is.EqualTo("pong"));
    }

    [Test]
    public async Task A_since_that_is_not_a_sequence_is_refused()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SubscribeAsync("s", TickerChanged, new { since = "yesterday" });

        using var message = await client.ReceiveAsync();
        Assert.That(message!.RootElement.GetProperty("type").GetString(), Is.AnyOf("error", "next"));
        Assert.That(message.RootElement.GetRawText(), Does.Contain("INVALID_CURSOR"));
    }

    private static async Task<JsonElement> NextAsync(GraphQLWebSocketClient client, string id)
    {
        using var message = await client.ReceiveAsync();
        Assert.That(message, Is.Not.Null, $"closed: {client.CloseStatus} {client.CloseReason}");
        var root = message!.RootElement;
        Assert.That(root.GetProperty("type").GetString(), Is.EqualTo("next"), root.GetRawText());
        Assert.That(root.GetProperty("id").GetString(), Is.EqualTo(id));
        return root.GetProperty("payload").GetProperty("data").GetProperty("tickerChanged").Clone();
    }

    /// <summary>
    /// Subscribing from the log's current end makes the test independent of how fast the subscription is set up:
    /// whatever the test writes next is delivered, replayed or live.
    /// </summary>
    private async Task<string> LastSequenceAsync()
    {
        await using var db = await CreateDbContextAsync();
        return ((await db.ContentEvents.MaxAsync(e => (long?)e.Id)) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> AddTickerItemAsync(string headline)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var item = new TickerItem { Headline = headline, StartsAt = now.AddSeconds(-1), CreatedAt = now, UpdatedAt = now };
        db.TickerItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task UpdateAsync(int id, Action<TickerItem> change)
    {
        await using var db = await CreateDbContextAsync();
        var item = await db.TickerItems.AsTracking().SingleAsync(t => t.Id == id);
        change(item);
        item.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }
}
