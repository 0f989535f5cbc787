using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Features.Live;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

/// <summary>The hub's bounded queue: a subscriber that stops reading is cut off, and nobody else waits for it.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class SlowSubscriberTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_subscriber_that_stops_reading_is_disconnected_past_its_queue_while_a_reading_one_gets_every_event()
    {
        var hub = Factory.Services.GetRequiredService<ContentEventHub>();
        using var stalled = hub.Subscribe();
        using var reading = hub.Subscribe();
        var received = new List<long>();
        static int Count(List<long> list)
        {
            lock (list)
            {
                return list.Count;
            }
        }

        var reader = Task.Run(async () =>
        {
            await foreach (var contentEvent in reading.Events.ReadAllAsync())
            {
                lock (received)
                {
                    received.Add(contentEvent.Id);
                }

                if (Count(received) == ContentEventHub.SubscriberQueueLength + 1)
                {
                    return;
                }
            }
        });

        // Two rounds, the reader catching up in between: it never has more than one round waiting.
        foreach (var round in new[] { 600, ContentEventHub.SubscriberQueueLength + 1 - 600 })
        {
            await using (var db = await CreateDbContextAsync())
            {
                var now = DateTime.UtcNow;
                for (var i = 0; i < round; i++)
                {
                    db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.TagChanged, EntityId = 1, OccurredAt = now });
                }

                await db.SaveChangesAsync();
            }

            await hub.DeliverAsync(CancellationToken.None);
            var expected = round == 600 ? 600 : ContentEventHub.SubscriberQueueLength + 1;
            for (var waited = 0; Count(received) < expected && waited < 300; waited++)
            {
                await Task.Delay(100);
            }
        }

        // What it had queued is still readable; then the reason it was cut off.
        var stalledCount = 0;
        Assert.That(async () =>
        {
            await foreach (var _ in stalled.Events.ReadAllAsync())
            {
                stalledCount++;
            }
        }, Throws.InstanceOf<SlowSubscriberException>());
        Assert.That(stalledCount, Is.EqualTo(ContentEventHub.SubscriberQueueLength));
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(received, Has.Count.EqualTo(ContentEventHub.SubscriberQueueLength + 1));
        Assert.That(received, Is.Ordered.And.Unique);
    }
}
