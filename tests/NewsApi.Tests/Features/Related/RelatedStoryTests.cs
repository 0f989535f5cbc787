using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Related;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class RelatedStoryTests(TestStore store) : StoreFixture(store)
{
    private const string RelatedQuery = """
        query($slug: String, $first: Int) {
          article(slug: $slug) { related(first: $first) { kind reason article { id slug } } }
        }
        """;

    [Test]
    public async Task Curated_links_come_first_in_their_order_then_stories_sharing_tags()
    {
        var (source, curated) = await ArticleWithCuratedLinksAsync();

        var related = await RelatedAsync(source.Slug, 5);

        Assert.That(related, Has.Count.EqualTo(5));
        Assert.That(related.Take(curated.Count).Select(r => r.Slug), Is.EqualTo(curated.Select(c => c.Slug)));
        Assert.That(related.Take(curated.Count).Select(r => r.Kind), Is.EqualTo(curated.Select(c => c.Kind)));
        Assert.That(related.Skip(curated.Count).Select(r => r.Kind), Is.All.EqualTo("AUTOMATIC"));
        Assert.That(related.Skip(curated.Count).Select(r => r.Reason), Is.All.Match("^[0-9]+ shared tags?$"));
    }

    [Test]
    public async Task Automatic_stories_are_ranked_by_shared_tags()
    {
        var (source, curated) = await ArticleWithCuratedLinksAsync();
        await using var db = await CreateDbContextAsync();
        var sourceTags = await db.ArticleTags.Where(t => t.ArticleId == source.Id).Select(t => t.TagId).ToListAsync();

        var automatic = (await RelatedAsync(source.Slug, 20)).Where(r => r.Kind == "AUTOMATIC").ToList();

        var shared = new List<int>();
        foreach (var story in automatic)
        {
            shared.Add(await db.ArticleTags.CountAsync(t => t.Article!.Slug == story.Slug && sourceTags.Contains(t.TagId)));
        }

        Assert.That(shared, Is.Ordered.Descending);
        Assert.That(shared, Is.All.GreaterThan(0));
    }

    [Test]
    public async Task Never_the_article_itself_a_hidden_story_or_a_repeat()
    {
        var (source, _) = await ArticleWithCuratedLinksAsync();
        var now = DateTime.UtcNow.AddMinutes(-1);
        await using (var db = await CreateDbContextAsync())
        {
            var tagIds = await db.ArticleTags.Where(t => t.ArticleId == source.Id).Select(t => t.TagId).ToListAsync();

            // The closest possible matches, each hidden in its own way: they must never be suggested.
            var draft = NewArticle("related-draft", ArticleStatus.Draft, now);
            var scheduled = NewArticle("related-scheduled", ArticleStatus.Scheduled, DateTime.UtcNow.AddDays(1));
            var optedOut = NewArticle("related-opted-out", ArticleStatus.Published, now);
            optedOut.ShowInRelated = false;
            foreach (var hidden in new[] { draft, scheduled, optedOut })
            {
                hidden.Tags = [.. tagIds.Select((id, i) => new ArticleTag { TagId = id, Position = i })];
                db.Articles.Add(hidden);
            }

            await db.SaveChangesAsync();

            // A curated link to a draft is skipped, not shown.
            db.RelatedLinks.Add(new RelatedLink { FromArticleId = source.Id, ToArticleId = draft.Id, Kind = RelatedKind.Curated, Position = -1, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        var related = await RelatedAsync(source.Slug, 20);

        var slugs = related.Select(r => r.Slug).ToList();
        Assert.That(slugs, Is.Unique);
        Assert.That(slugs, Does.Not.Contain(source.Slug));
        Assert.That(slugs, Has.None.StartsWith("related-"));
        await using var check = await CreateDbContextAsync();
        var publicSlugs = await check.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow).Select(a => a.Slug).ToListAsync();
        Assert.That(slugs, Is.SubsetOf(publicSlugs));
    }

    [Test]
    public async Task First_limits_the_list_and_zero_gives_none()
    {
        var (source, _) = await ArticleWithCuratedLinksAsync();

        Assert.That(await RelatedAsync(source.Slug, 1), Has.Count.EqualTo(1));
        Assert.That(await RelatedAsync(source.Slug, 0), Is.Empty);
    }

    [Test]
    public async Task More_than_twenty_is_refused()
    {
        var (source, _) = await ArticleWithCuratedLinksAsync();

        var response = await Client.PostAsync(RelatedQuery, new { slug = source.Slug, first = 21 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PAGE_SIZE_OUT_OF_RANGE" }));
    }

    private async Task<(Article Source, List<(string Slug, string Kind)> Curated)> ArticleWithCuratedLinksAsync()
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var source = await db.Articles.Where(a => a.RelatedLinks.Count >= 2).OrderByDescending(a => a.RelatedLinks.Count).FirstAsync();
        var curated = await db.RelatedLinks
            .Where(r => r.FromArticleId == source.Id && r.ToArticle!.Status == ArticleStatus.Published && r.ToArticle.PublishedAt <= now)
            .OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new { r.ToArticle!.Slug, r.Kind })
            .ToListAsync();
        return (source, curated.Select(c => (c.Slug, c.Kind switch
        {
            RelatedKind.Curated => "CURATED",
            RelatedKind.FollowUp => "FOLLOW_UP",
            RelatedKind.Background => "BACKGROUND",
            _ => "AUTOMATIC",
        })).ToList());
    }

    private async Task<List<(string Slug, string Kind, string? Reason)>> RelatedAsync(string slug, int first)
    {
        var response = await Client.PostAsync(RelatedQuery, new { slug, first });
        Assert.That(response.Errors, Is.Empty, response.Body);
        return [.. response.Data.GetProperty("article").GetProperty("related").EnumerateArray().Select(r => (
            r.GetProperty("article").GetProperty("slug").GetString()!,
            r.GetProperty("kind").GetString()!,
            r.GetProperty("reason").GetString()))];
    }

    private static Article NewArticle(string slugPrefix, ArticleStatus status, DateTime publishedAt) => new()
    {
        Slug = $"{slugPrefix}-{Guid.NewGuid():N}",
        Headline = "قصة مطابقة مخفية",
        Status = status,
        PublishedAt = publishedAt,
        CreatedAt = publishedAt,
        UpdatedAt = publishedAt,
    };
}
