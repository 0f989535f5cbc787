using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

/// <summary>
/// Contexts are pooled, and EF reports a lost concurrency check (and a cancelled save) apart from other failures: a
/// save with events that ends that way must leave nothing pending for whoever leases its context next.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class EventLogFailedSaveTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_save_that_loses_its_concurrency_check_leaves_the_next_lease_of_its_context_unaffected()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        NewsDbContext lost;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            lost = db;
            var item = await db.TickerItems.AsTracking().OrderBy(t => t.Id).FirstAsync();
            // A colleague's write lands between the read and the save.
            await db.TickerItems.Where(t => t.Id == item.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Version, t => t.Version + 1));
            item.Headline = "تعديل خاسر";
            item.Version++;
            Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        var lastEvent = await LastEventAsync();
        // The pool hands contexts out first in, first out: the lost one comes back after those queued before it.
        for (var lease = 0; lease < 10_000; lease++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (!ReferenceEquals(db, lost))
            {
                continue;
            }

            var now = DateTime.UtcNow;
            var added = new TickerItem { Headline = "بعد الخسارة", StartsAt = now, Lang = "ar", CreatedAt = now, UpdatedAt = now };
            db.TickerItems.Add(added);
            await db.SaveChangesAsync();

            await using var check = await contexts.CreateDbContextAsync();
            var events = await check.ContentEvents.Where(e => e.Id > lastEvent).Select(e => new { e.Kind, e.EntityId }).ToListAsync();
            Assert.That(events.Select(e => (e.Kind, e.EntityId)), Is.EqualTo(new[] { (ContentEventKind.TickerAdded, added.Id) }));
            Assert.That(await check.TickerItems.CountAsync(t => t.Headline == "تعديل خاسر"), Is.Zero);
            return;
        }

        Assert.Fail("The pool never handed the context out again.");
    }

    private async Task<long> LastEventAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await db.ContentEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }
}
