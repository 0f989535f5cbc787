using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

/// <summary>Two server processes on one PostgreSQL: a change made through one reaches subscribers on the other.</summary>
[TestFixture(TestStore.Postgres)]
public sealed class AcrossInstancesTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_ticker_item_created_through_instance_a_reaches_a_subscriber_on_instance_b()
    {
        // Instance B is a process of its own: it can only hear of A's writes through PostgreSQL.
        // Its fallback read of the log is pushed out of the test's reach: the change must arrive by NOTIFY.
        await using var instanceB = await ServerProcess.StartAsync(Factory.ConnectionString, TestStore.Postgres, new Dictionary<string, string> { ["Live:FallbackPoll"] = "01:00:00" });
        await using var subscriber = await GraphQLWebSocketClient.ConnectAndInitAsync(instanceB.Address);
        long last;
        await using (var db = await CreateDbContextAsync())
        {
            last = await db.ContentEvents.MaxAsync(e => (long?)e.Id) ?? 0;
        }

        await subscriber.SubscribeAsync("b", "subscription($since: String) { tickerChanged(since: $since) { kind item { headline } } }", new { since = last.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        // The first change may reach B by replay (it can land before B's subscription is live); once B has
        // delivered it, the subscription is live, so the second can only come by NOTIFY.
        foreach (var headline in new[] { "من النسخة الأولى إلى الثانية ١", "من النسخة الأولى إلى الثانية ٢" })
        {
            await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
            {
                var now = DateTime.UtcNow;
                db.TickerItems.Add(new TickerItem { Headline = headline, StartsAt = now.AddSeconds(-1), CreatedAt = now, UpdatedAt = now });
                await db.SaveChangesAsync();
            }

            using var message = await subscriber.ReceiveAsync();
            Assert.That(message, Is.Not.Null, $"closed: {subscriber.CloseStatus} {subscriber.CloseReason}");
            var change = message!.RootElement.GetProperty("payload").GetProperty("data").GetProperty("tickerChanged");
            Assert.That(change.GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
            Assert.That(change.GetProperty("item").GetProperty("headline").GetString(), Is.EqualTo(headline));
        }
    }
}
