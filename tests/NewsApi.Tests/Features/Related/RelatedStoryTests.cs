using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Features.Related;
using NewsApi.Security;
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
        Assert.That(related.Skip(curated.Count).Select(r => r.Reason), Is.All.Match("^([0-9]+ shared tags?(, similar text)?|similar text)$"));
    }

    [Test]
    public async Task A_rarer_shared_tag_outranks_a_common_one()
    {
        var rare = await NewTagAsync();
        var common = await NewTagAsync();
        var now = DateTime.UtcNow.AddMinutes(-1);
        await using (var db = await CreateDbContextAsync())
        {
            // The common tag on thirty other stories; the rare one on the source and one candidate only.
            for (var i = 0; i < 30; i++)
            {
                db.Articles.Add(Tagged(NewArticle("common-filler", ArticleStatus.Published, now.AddHours(-2)), common.Id));
            }

            db.Articles.Add(Tagged(NewArticle("source", ArticleStatus.Published, now), rare.Id, common.Id));
            db.Articles.Add(Tagged(NewArticle("rare-match", ArticleStatus.Published, now.AddHours(-1)), rare.Id));
            db.Articles.Add(Tagged(NewArticle("common-match", ArticleStatus.Published, now.AddMinutes(-1)), common.Id));
            await db.SaveChangesAsync();
        }

        var source = await SlugStartingAsync("source", rare.Id);
        var related = await RelatedAsync(source, 20);

        var slugs = related.Select(r => r.Slug).ToList();
        var rareAt = slugs.FindIndex(s => s.StartsWith("rare-match-", StringComparison.Ordinal));
        var commonAt = slugs.FindIndex(s => s.StartsWith("common-match-", StringComparison.Ordinal));
        Assert.That(rareAt, Is.GreaterThanOrEqualTo(0), string.Join(", ", slugs));
        Assert.That(commonAt, Is.GreaterThan(rareAt), "the newer story sharing only the common tag comes after");
        Assert.That(related[rareAt].Reason, Does.StartWith("1 shared tag"));
    }

    [Test]
    public async Task Near_identical_text_without_shared_tags_is_suggested_as_similar_text_but_never_a_draft_or_an_opted_out_story()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var words = string.Join(' ', Enumerable.Range(0, 12).Select(i => $"kelma{Guid.NewGuid():N}"[..14]));
        var text = new[] { new { kind = "PARAGRAPH", text = $"تقرير عن {words} في المدينة" } };
        var source = await CreateAsync(editor, new { headline = "تقرير أول " + words[..20], body = text, tagSlugs = new[] { "iraq" } }, publish: true);
        var twin = await CreateAsync(editor, new { headline = "تقرير ثان " + words[..20], body = text, tagSlugs = new[] { "jordan" } }, publish: true);
        var optedOut = await CreateAsync(editor, new { headline = "تقرير ثالث " + words[..20], body = text, showInRelated = false }, publish: true);
        var draft = await CreateAsync(editor, new { headline = "تقرير رابع " + words[..20], body = text }, publish: false);
        await Factory.Services.GetRequiredService<SimilarTextIndexer>().WhenIdleAsync();

        var related = await RelatedAsync(source, 20);

        Assert.That(related.Where(r => r.Slug == twin).Select(r => (r.Kind, r.Reason)), Is.EqualTo(new[] { ("AUTOMATIC", "similar text") }), string.Join(", ", related));
        Assert.That(related.Select(r => r.Slug), Does.Not.Contain(optedOut).And.Not.Contain(draft).And.Not.Contain(source));
        var back = await RelatedAsync(twin, 20);
        Assert.That(back.Select(r => r.Slug), Does.Contain(source), "suggestions go both ways");
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

    [TestCase(null)]
    [TestCase(3)]
    [TestCase(20)]
    public async Task An_article_page_by_slug_shows_the_related_stories_the_article_shows_anywhere_else(int? first)
    {
        // By slug, PostgreSQL ranks the related stories in the article's own statement; by id and in a feed they come
        // from the related stories' loader. A client must not be able to tell.
        var (source, _) = await ArticleWithCuratedLinksAsync();
        var related = first is null ? "related" : $"related(first: {first})";
        // Every summary field of the related articles: by slug they are read from related_stories_json's JSON.
        var story = "{ kind reason article { id slug headline standfirst lang publishedAt updatedAt section { name } tags { slug } authors { name } "
            + "heroImage { url caption credit alt } wordCount canonicalUrl source { name url } } }";
        var id = (await Client.PostAsync("query($slug: String) { article(slug: $slug) { id } }", new { slug = source.Slug }))
            .Data.GetProperty("article").GetProperty("id").GetString();

        var bySlug = await Client.PostAsync($"query($slug: String) {{ article(slug: $slug) {{ body {{ kind }} {related} {story} }} }}", new { slug = source.Slug });
        var byId = await Client.PostAsync($"query($id: ID) {{ article(id: $id) {{ body {{ kind }} {related} {story} }} }}", new { id });

        Assert.That(bySlug.Errors, Is.Empty, bySlug.Body);
        Assert.That(bySlug.Data.GetProperty("article").GetProperty("related").GetArrayLength(), Is.InRange(1, first ?? 5));
        Assert.That(bySlug.Data.GetRawText(), Is.EqualTo(byId.Data.GetRawText()));
    }

    [Test]
    public async Task An_article_ranks_its_related_stories_alone_as_it_does_among_others()
    {
        // On PostgreSQL one article's ranking takes its own path through related_candidates, and several articles'
        // (a feed, nodes) the general query: a reader must get the same stories, kinds and reasons from either.
        var (source, _) = await ArticleWithCuratedLinksAsync();
        // Earlier tests' articles are still being paired by similar text in the background; pairs that land between
        // the two reads would change the reasons.
        await Factory.Services.GetRequiredService<SimilarTextIndexer>().WhenIdleAsync();
        var sourceId = (await Client.PostAsync("query($slug: String) { article(slug: $slug) { id } }", new { slug = source.Slug }))
            .Data.GetProperty("article").GetProperty("id").GetString()!;
        var feed = await Client.PostAsync("{ articles(first: 7) { nodes { id } } }");
        var ids = feed.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)
            .Append(sourceId).Distinct().ToList();
        const string story = "related(first: 8) { kind reason article { slug } }";

        var together = await Client.PostAsync($"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Article {{ id {story} }} }} }}", new { ids });

        Assert.That(together.Errors, Is.Empty, together.Body);
        var nodes = together.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(nodes, Has.Count.EqualTo(ids.Count));
        foreach (var node in nodes)
        {
            var alone = await Client.PostAsync($"query($id: ID) {{ article(id: $id) {{ id {story} }} }}", new { id = node.GetProperty("id").GetString() });
            Assert.That(alone.Errors, Is.Empty, alone.Body);
            Assert.That(alone.Data.GetProperty("article").GetRawText(), Is.EqualTo(node.GetRawText()));
        }

        Assert.That(nodes.Single(n => n.GetProperty("id").GetString() == sourceId).GetProperty("related").EnumerateArray()
            .Select(r => r.GetProperty("kind").GetString()), Does.Contain("AUTOMATIC").And.Some.Not.EqualTo("AUTOMATIC"));
    }

    [Test]
    public async Task Two_related_lists_of_one_article_each_keep_their_own_length()
    {
        var (source, _) = await ArticleWithCuratedLinksAsync();

        var response = await Client.PostAsync(
            "query($slug: String) { article(slug: $slug) { few: related(first: 2) { article { slug } } many: related(first: 6) { article { slug } } } }",
            new { slug = source.Slug });

        Assert.That(response.Errors, Is.Empty, response.Body);
        var few = response.Data.GetProperty("article").GetProperty("few").EnumerateArray().Select(r => r.GetProperty("article").GetProperty("slug").GetString()).ToList();
        var many = response.Data.GetProperty("article").GetProperty("many").EnumerateArray().Select(r => r.GetProperty("article").GetProperty("slug").GetString()).ToList();
        Assert.That(few, Has.Count.EqualTo(2));
        Assert.That(many, Has.Count.EqualTo(6));
        Assert.That(many.Take(2), Is.EqualTo(few));
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

    private async Task<Tag> NewTagAsync()
    {
        await using var db = await CreateDbContextAsync();
        var tag = new Tag { Slug = $"related-tag-{Guid.NewGuid():N}", Name = "وسم", CreatedAt = DateTime.UtcNow };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    }

    private async Task<string> SlugStartingAsync(string prefix, int tagId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.ArticleTags.Where(t => t.TagId == tagId && t.Article!.Slug.StartsWith(prefix + "-")).Select(t => t.Article!.Slug).SingleAsync();
    }

    private static Article Tagged(Article article, params int[] tagIds)
    {
        article.Tags = [.. tagIds.Select((id, i) => new ArticleTag { TagId = id, Position = i })];
        return article;
    }

    private static async Task<string> CreateAsync(GraphQLClient editor, object input, bool publish)
    {
        var created = await editor.PostAsync("mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } userErrors { code } } }", new { input });
        Assert.That(created.Errors, Is.Empty, created.Body);
        var article = created.Data.GetProperty("createArticle").GetProperty("article");
        if (publish)
        {
            var published = await editor.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { userErrors { code } } }", new { input = new { id = article.GetProperty("id").GetString() } });
            Assert.That(published.Errors, Is.Empty, published.Body);
        }

        return article.GetProperty("slug").GetString()!;
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
