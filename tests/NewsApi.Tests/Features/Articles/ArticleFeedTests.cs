using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Articles;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ArticleFeedTests(TestStore store) : StoreFixture(store)
{
    private const string PageQuery = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: ArticleOrder) {
          articles(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
            edges { cursor node { slug publishedAt } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            totalCount
          }
        }
        """;

    [Test]
    public async Task Paging_forward_while_articles_are_published_neither_repeats_nor_skips()
    {
        var before = await AllSlugsAsync();
        var seen = new List<string>();
        string? after = null;
        var page = 0;
        do
        {
            var response = await Client.PostAsync(PageQuery, new { first = 4, after });
            var connection = response.Data.GetProperty("articles");
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!));
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? connection.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;

            // Breaking news lands between every page request.
            await PublishAsync($"خبر عاجل أثناء التصفح {page++}");
        }
        while (after is not null);

        Assert.That(seen, Is.EqualTo(before));
        var afterwards = await AllSlugsAsync();
        Assert.That(afterwards.Take(page), Is.All.StartsWith("paging-"));
    }

    [Test]
    public async Task Paging_backward_from_the_end_gives_the_same_order()
    {
        var forward = await AllSlugsAsync();
        var backward = new List<string>();
        string? before = null;
        do
        {
            var response = await Client.PostAsync(PageQuery, new { last = 3, before });
            var connection = response.Data.GetProperty("articles");
            var slugs = connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!).ToList();
            backward.InsertRange(0, slugs);
            before = connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()
                ? connection.GetProperty("pageInfo").GetProperty("startCursor").GetString()
                : null;
        }
        while (before is not null);

        Assert.That(backward, Is.EqualTo(forward));
    }

    [Test]
    public async Task Oldest_order_is_the_newest_order_reversed()
    {
        var newest = await AllSlugsAsync();
        var response = await Client.PostAsync(PageQuery, new { first = 100, order = "OLDEST" });
        var oldest = response.Data.GetProperty("articles").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()).ToList();
        Assert.That(oldest, Is.EqualTo(Enumerable.Reverse(newest)));
    }

    [Test]
    public async Task Total_count_counts_every_published_article_and_nothing_else()
    {
        await using var db = await CreateDbContextAsync();
        var expected = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow);

        var response = await Client.PostAsync("{ articles(first: 1) { totalCount } }");

        Assert.That(response.Data.GetProperty("articles").GetProperty("totalCount").GetInt32(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Drafts_scheduled_and_archived_articles_are_invisible_to_the_public()
    {
        await using var db = await CreateDbContextAsync();
        var hidden = await db.Articles.Where(a => a.Status != ArticleStatus.Published || a.PublishedAt > DateTime.UtcNow)
            .Select(a => new { a.Id, a.Slug, a.Status }).ToListAsync();
        Assert.That(hidden.Select(h => h.Status).Distinct(), Is.EquivalentTo(new[] { ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Archived }));

        var listed = await AllSlugsAsync();
        Assert.That(listed.Intersect(hidden.Select(h => h.Slug)), Is.Empty);
        foreach (var article in hidden)
        {
            var bySlug = await Client.PostAsync("query($slug: String) { article(slug: $slug) { id } }", new { slug = article.Slug });
            Assert.That(bySlug.Data.GetProperty("article").ValueKind, Is.EqualTo(JsonValueKind.Null), article.Slug);
            var byNode = await Client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode("Article", article.Id) });
            Assert.That(byNode.Data.GetProperty("node").ValueKind, Is.EqualTo(JsonValueKind.Null), article.Slug);
        }
    }

    [Test]
    public async Task Asking_for_drafts_without_the_editor_role_is_forbidden()
    {
        var response = await Client.PostAsync("{ articles(where: { status: [DRAFT] }) { nodes { slug } } }");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }));
        Assert.That(response.Body, Does.Not.Contain("مسودة"));
    }

    [Test]
    public async Task Filters_by_section_tags_author_and_date_combine()
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var published = db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
        var iraq = await published.Where(a => a.Tags.Any(t => t.Tag!.Slug == "iraq")).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToListAsync();
        var iraqAndSyria = await published.Where(a => a.Tags.Any(t => t.Tag!.Slug == "iraq") && a.Tags.Any(t => t.Tag!.Slug == "syria")).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToListAsync();
        var iraqOrJordan = await published.Where(a => a.Tags.Any(t => t.Tag!.Slug == "iraq" || t.Tag!.Slug == "jordan")).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToListAsync();
        var politics = await published.Where(a => a.Section!.Slug == "politics").OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToListAsync();
        var byDesk = await published.Where(a => a.Authors.Any(x => x.Author!.Slug == "politics-desk")).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).ToListAsync();
        Assert.That(iraqAndSyria, Is.Not.Empty.And.Count.LessThan(iraq.Count), "the sample content makes the ALL filter meaningful");

        Assert.Multiple(async () =>
        {
            Assert.That(await FilteredAsync(new { tags = new[] { "iraq" } }), Is.EqualTo(iraq));
            Assert.That(await FilteredAsync(new { tags = new[] { "iraq", "syria" }, tagsMatch = "ALL" }), Is.EqualTo(iraqAndSyria));
            Assert.That(await FilteredAsync(new { tags = new[] { "iraq", "jordan" }, tagsMatch = "ANY" }), Is.EqualTo(iraqOrJordan));
            Assert.That(await FilteredAsync(new { section = "politics" }), Is.EqualTo(politics));
            Assert.That(await FilteredAsync(new { author = "politics-desk" }), Is.EqualTo(byDesk));
            Assert.That(await FilteredAsync(new { section = "no-such-section" }), Is.Empty);
        });

        var middle = await published.OrderByDescending(a => a.PublishedAt).Select(a => a.PublishedAt!.Value).Skip(3).FirstAsync();
        var since = await FilteredAsync(new { publishedAfter = middle.ToString("O") });
        Assert.That(since, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_cursor_from_another_connection_is_refused()
    {
        var tags = await Client.PostAsync("{ tags(first: 1) { pageInfo { endCursor } } }");
        var tagCursor = tags.Data.GetProperty("tags").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var response = await Client.PostAsync(PageQuery, new { first = 2, after = tagCursor });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_CURSOR" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a well-formed request that fails in execution is 200 per GraphQL over HTTP");
    }

    [TestCase("not a cursor")]
    [TestCase("YXJ0aWNsZXMfeHl6HzE")]
    [TestCase("")]
    public async Task A_damaged_cursor_is_refused_with_a_stable_code(string cursor)
    {
        var response = await Client.PostAsync(PageQuery, new { first = 2, after = cursor });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_CURSOR" }));
    }

    [TestCase(1000)]
    [TestCase(101)]
    [TestCase(-5)]
    public async Task A_page_size_outside_0_to_100_is_refused_before_execution(int first)
    {
        SqlCommands.Reset();
        var response = await Client.PostAsync(PageQuery, new { first });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PAGE_SIZE_OUT_OF_RANGE" }));
        Assert.That(SqlCommands.Count, Is.Zero);
    }

    [Test]
    public async Task First_and_last_together_are_refused()
    {
        var response = await Client.PostAsync(PageQuery, new { first = 2, last = 2 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }

    private async Task<List<string>> FilteredAsync(object where)
    {
        var response = await Client.PostAsync("query($where: ArticleFilter) { articles(first: 100, where: $where) { nodes { slug } } }", new { where });
        Assert.That(response.Errors, Is.Empty, response.Body);
        return response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToList();
    }

    private async Task<List<string>> AllSlugsAsync()
    {
        var response = await Client.PostAsync(PageQuery, new { first = 100 });
        Assert.That(response.Errors, Is.Empty, response.Body);
        return response.Data.GetProperty("articles").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!).ToList();
    }

    private async Task PublishAsync(string headline)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        db.Articles.Add(new Article
        {
            Slug = $"paging-{Guid.NewGuid():N}",
            Headline = headline,
            Status = ArticleStatus.Published,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Body = [new ArticleBlock { Kind = BlockKind.Paragraph, Text = headline }],
        });
        await db.SaveChangesAsync();
    }
}
