using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Sync;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class DeltaSyncTests(TestStore store) : StoreFixture(store)
{
    private const string ChangesQuery = """
        query($since: String, $first: Int) {
          changes(since: $since, first: $first) { syncToken pageInfo { hasNextPage } nodes { kind type id node { id } } }
        }
        """;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task An_app_that_syncs_now_and_then_ends_with_exactly_the_published_set(int seed)
    {
        var random = new Random(seed);
        var replica = new HashSet<string>(StringComparer.Ordinal);
        var token = await SyncAsync(replica, since: null);
        Assert.That(replica, Is.EquivalentTo(await PublicSetAsync()), "a first sync from nothing gives the published set");

        for (var round = 0; round < 8; round++)
        {
            for (var edit = random.Next(3, 9); edit > 0; edit--)
            {
                await RandomEditAsync(random);
            }

            // The phone is offline for some rounds and catches up later.
            if (random.Next(3) > 0)
            {
                token = await SyncAsync(replica, token);
            }
        }

        token = await SyncAsync(replica, token);

        Assert.That(replica, Is.EquivalentTo(await PublicSetAsync()));
        var again = new HashSet<string>(replica, StringComparer.Ordinal);
        await SyncAsync(again, token);
        Assert.That(again, Is.EquivalentTo(replica), "syncing with the latest token changes nothing");
    }

    [Test]
    public async Task An_unpublished_article_comes_back_as_a_tombstone()
    {
        var token = await SyncAsync(new HashSet<string>(StringComparer.Ordinal), since: null);
        await using var db = await CreateDbContextAsync();
        var article = await db.Articles.AsTracking().FirstAsync(a => a.Status == ArticleStatus.Published);
        article.Status = ArticleStatus.Draft;
        await db.SaveChangesAsync();

        var response = await Client.PostAsync(ChangesQuery, new { since = token, first = 10 });

        // The ticker's schedule may add its own changes meanwhile; the article's is the one in question.
        var change = response.Data.GetProperty("changes").GetProperty("nodes").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "Article");
        Assert.That(change.GetProperty("kind").GetString(), Is.EqualTo("DELETE"));
        Assert.That(change.GetProperty("id").GetString(), Is.EqualTo(GlobalId.Encode("Article", article.Id)));
        Assert.That(change.GetProperty("node").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task A_token_that_is_not_one_is_refused()
    {
        var response = await Client.PostAsync(ChangesQuery, new { since = "last tuesday" });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_CURSOR" }));
    }

    private async Task<string> SyncAsync(HashSet<string> replica, string? since)
    {
        var token = since;
        while (true)
        {
            var response = await Client.PostAsync(ChangesQuery, new { since = token, first = 7 });
            Assert.That(response.Errors, Is.Empty, response.Body);
            var changes = response.Data.GetProperty("changes");
            foreach (var change in changes.GetProperty("nodes").EnumerateArray())
            {
                var id = change.GetProperty("id").GetString()!;
                if (change.GetProperty("kind").GetString() == "UPSERT")
                {
                    replica.Add(id);
                }
                else
                {
                    replica.Remove(id);
                }
            }

            token = changes.GetProperty("syncToken").GetString()!;
            if (!changes.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                return token;
            }
        }
    }

    private async Task<HashSet<string>> PublicSetAsync()
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var articles = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now).Select(a => a.Id).ToListAsync();
        var ticker = await db.TickerItems.Where(t => t.StartsAt <= now && (t.ExpiresAt == null || t.ExpiresAt > now)).Select(t => t.Id).ToListAsync();
        var tags = await db.Tags.Select(t => t.Id).ToListAsync();
        return
        [
            .. articles.Select(id => GlobalId.Encode("Article", id)),
            .. ticker.Select(id => GlobalId.Encode("TickerItem", id)),
            .. tags.Select(id => GlobalId.Encode("Tag", id)),
        ];
    }

    private async Task RandomEditAsync(Random random)
    {
        await using var db = await CreateDbContextAsync();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var now = DateTime.UtcNow;
        switch (random.Next(10))
        {
            case 0:
                var status = (ArticleStatus)random.Next(4);
                var publishedAt = status == ArticleStatus.Scheduled ? now.AddDays(1) : now.AddMinutes(-random.Next(1, 500));
                db.Articles.Add(new Article
                {
                    Slug = $"sync-{Guid.NewGuid():N}",
                    Headline = "خبر للمزامنة",
                    Status = status,
                    PublishedAt = publishedAt,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Tags = [.. (await db.Tags.OrderBy(t => t.Id).Take(2).ToListAsync()).Select((t, i) => new ArticleTag { TagId = t.Id, Position = i })],
                });
                break;
            case 1:
                await ChangeSomeArticleAsync(db, random, a => { a.Status = ArticleStatus.Published; a.PublishedAt = now.AddSeconds(-1); });
                break;
            case 2:
                await ChangeSomeArticleAsync(db, random, a => a.Status = ArticleStatus.Draft);
                break;
            case 3:
                await ChangeSomeArticleAsync(db, random, a => a.Status = ArticleStatus.Archived);
                break;
            case 4:
                await ChangeSomeArticleAsync(db, random, a => db.Articles.Remove(a));
                break;
            case 5:
                await ChangeSomeArticleAsync(db, random, a => a.Headline += " (محدث)");
                break;
            case 6:
                var tag = new Tag { Slug = $"sync-tag-{Guid.NewGuid():N}", Name = "وسم للمزامنة", CreatedAt = now };
                db.Tags.Add(tag);
                break;
            case 7:
                var tags = await db.Tags.OrderBy(t => t.Id).ToListAsync();
                var victim = tags[random.Next(tags.Count)];
                if (random.Next(2) == 0)
                {
                    db.Tags.Remove(victim);
                }
                else
                {
                    victim.Description = "وصف محدث";
                }

                break;
            case 8:
                var window = random.Next(3);
                db.TickerItems.Add(new TickerItem
                {
                    Headline = "عاجل للمزامنة",
                    StartsAt = window == 1 ? now.AddHours(1) : now.AddMinutes(-5),
                    ExpiresAt = window == 2 ? now.AddMinutes(-1) : null,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                break;
            default:
                var items = await db.TickerItems.OrderBy(t => t.Id).ToListAsync();
                var item = items[random.Next(items.Count)];
                if (random.Next(2) == 0)
                {
                    db.TickerItems.Remove(item);
                }
                else if (item.StartsAt < now)
                {
                    item.ExpiresAt = now.AddSeconds(-1);
                }

                break;
        }

        await db.SaveChangesAsync();
    }

    private static async Task ChangeSomeArticleAsync(NewsDbContext db, Random random, Action<Article> change)
    {
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var id = ids[random.Next(ids.Count)];
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        change(article);
        article.UpdatedAt = DateTime.UtcNow;
    }
}
