using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

/// <summary>Two server instances on one PostgreSQL: a change made through one reaches subscribers on the other.</summary>
[TestFixture(TestStore.Postgres)]
public sealed class AcrossInstancesTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_ticker_item_created_through_instance_a_reaches_a_subscriber_on_instance_b()
    {
        await using var instanceB = NewsApiFactory.SharingPostgres(Factory);
        _ = instanceB.Server;
        await using var subscriber = await GraphQLWebSocketClient.ConnectAndInitAsync(instanceB);
        await subscriber.SubscribeAsync("b", "subscription { tickerChanged { kind item { headline } } }");
        await Task.Delay(300);

        // Written through instance A's own store connection: B can only hear of it through PostgreSQL.
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            db.TickerItems.Add(new TickerItem { Headline = "من النسخة الأولى إلى الثانية", StartsAt = now.AddSeconds(-1), CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        using var message = await subscriber.ReceiveAsync();
        var change = message!.RootElement.GetProperty("payload").GetProperty("data").GetProperty("tickerChanged");
        Assert.That(change.GetProperty("kind").GetString(), Is.EqualTo("ADDED"));
        Assert.That(change.GetProperty("item").GetProperty("headline").GetString(), Is.EqualTo("من النسخة الأولى إلى الثانية"));
    }
}
