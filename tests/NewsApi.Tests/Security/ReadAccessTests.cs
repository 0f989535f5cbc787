using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>Who sees unpublished articles, by which path: editors and admins by asking; nobody else by any path.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ReadAccessTests(TestStore store) : StoreFixture(store)
{
    private const string DraftList = "{ articles(first: 100, where: { status: [DRAFT, SCHEDULED, ARCHIVED] }) { totalCount nodes { slug status } } }";

    [TestCase(ApiRole.Editor)]
    [TestCase(ApiRole.Admin)]
    public async Task Editors_and_admins_list_unpublished_articles_when_they_name_the_statuses(ApiRole role)
    {
        var client = await ClientAsAsync(role);

        var response = await client.PostAsync(DraftList);

        Assert.That(response.Errors, Is.Empty, response.Body);
        var statuses = response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("status").GetString()).Distinct();
        Assert.That(statuses, Is.EquivalentTo(new[] { "DRAFT", "SCHEDULED", "ARCHIVED" }));
    }

    [Test]
    public async Task Editors_without_a_status_filter_get_the_public_feed()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        const string feed = "{ articles(first: 100) { nodes { slug status } } }";

        var asEditor = await editor.PostAsync(feed);
        var asPublic = await Client.PostAsync(feed);

        Assert.That(asEditor.Data.GetRawText(), Is.EqualTo(asPublic.Data.GetRawText()));
    }

    [Test]
    public async Task Editors_page_through_drafts_without_repeats()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var all = await editor.PostAsync(DraftList);
        var expected = all.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()).ToList();

        var seen = new List<string?>();
        string? after = null;
        do
        {
            var page = await editor.PostAsync(
                "query($after: String) { articles(first: 1, after: $after, where: { status: [DRAFT, SCHEDULED, ARCHIVED] }) { nodes { slug } pageInfo { hasNextPage endCursor } } }",
                new { after });
            var articles = page.Data.GetProperty("articles");
            seen.AddRange(articles.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()));
            after = articles.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? articles.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.That(seen, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase(ApiRole.Partner)]
    public async Task Anonymous_and_partner_callers_are_refused_unpublished_lists(ApiRole? role)
    {
        var client = await ClientAsAsync(role);

        var response = await client.PostAsync(DraftList);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }));
    }

    [TestCase(null)]
    [TestCase(ApiRole.Partner)]
    [TestCase(ApiRole.Editor)]
    [TestCase(ApiRole.Admin)]
    public async Task Unpublished_articles_reach_editors_only_through_article_by_slug_or_id(ApiRole? role)
    {
        var client = await ClientAsAsync(role);
        var seesThem = role is ApiRole.Editor or ApiRole.Admin;
        await using var db = await CreateDbContextAsync();
        var hidden = await db.Articles.Where(a => a.Status != ArticleStatus.Published).Select(a => new { a.Id, a.Slug }).ToListAsync();
        Assert.That(hidden, Is.Not.Empty);

        foreach (var article in hidden)
        {
            var id = GlobalId.Encode("Article", article.Id);
            var response = await client.PostAsync(
                """
                query($slug: String, $id: ID!) {
                  bySlug: article(slug: $slug) { slug body { kind } }
                  byId: article(id: $id) { slug }
                  node(id: $id) { id }
                  nodes(ids: [$id]) { id }
                  tag(slug: "iraq") { articles(first: 100) { nodes { slug } } }
                  ticker(first: 100) { article { slug } }
                }
                """,
                new { slug = article.Slug, id });

            Assert.That(response.Errors, Is.Empty, response.Body);
            Assert.Multiple(() =>
            {
                Assert.That(response.Data.GetProperty("bySlug").ValueKind, Is.EqualTo(seesThem ? JsonValueKind.Object : JsonValueKind.Null), article.Slug);
                Assert.That(response.Data.GetProperty("byId").ValueKind, Is.EqualTo(seesThem ? JsonValueKind.Object : JsonValueKind.Null), article.Slug);

                // node/nodes, tag pages, the ticker and related stories stay public for everyone.
                Assert.That(response.Data.GetProperty("node").ValueKind, Is.EqualTo(JsonValueKind.Null), article.Slug);
                Assert.That(response.Data.GetProperty("nodes")[0].ValueKind, Is.EqualTo(JsonValueKind.Null), article.Slug);
                Assert.That(response.Data.GetProperty("tag").GetRawText(), Does.Not.Contain(article.Slug));
                Assert.That(response.Data.GetProperty("ticker").GetRawText(), Does.Not.Contain(article.Slug));
            });
        }
    }

    [TestCase(null)]
    [TestCase(ApiRole.Partner)]
    [TestCase(ApiRole.Editor)]
    [TestCase(ApiRole.Admin)]
    public async Task Unpublished_articles_reach_nobody_through_search_or_related_stories(ApiRole? role)
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var word = "marker" + Guid.NewGuid().ToString("N")[..8];
        var published = await CreateViaApiAsync(editor, $"خبر منشور {word}");
        var draft = await CreateViaApiAsync(editor, $"مسودة سرية {word}");
        var publish = await editor.PostAsync("mutation($id: ID!) { publishArticle(input: { id: $id }) { userErrors { code } } }", new { id = published.Id });
        var link = await editor.PostAsync("mutation($from: ID!, $to: ID!) { linkRelatedStory(input: { fromId: $from, toId: $to }) { userErrors { code } } }", new { from = published.Id, to = draft.Id });
        Assert.That(publish.Body + link.Body, Does.Not.Contain("\"code\""), "arranged through the API");

        var response = await (await ClientAsAsync(role)).PostAsync(
            "query($q: String!, $slug: String) { search(query: $q, first: 100) { nodes { article { slug } } } article(slug: $slug) { related(first: 20) { article { slug } } } }",
            new { q = word, slug = published.Slug });

        Assert.That(response.Errors, Is.Empty, response.Body);
        var found = response.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("article").GetProperty("slug").GetString());
        Assert.That(found, Is.EqualTo(new[] { published.Slug }), "the published twin is found, so the draft's absence means something");
        Assert.That(response.Data.GetProperty("article").GetProperty("related").GetRawText(), Does.Not.Contain(draft.Slug));
    }

    private static async Task<(string Id, string Slug)> CreateViaApiAsync(GraphQLClient editor, string headline)
    {
        var response = await editor.PostAsync("mutation($h: String!) { createArticle(input: { headline: $h }) { article { id slug } } }", new { h = headline });
        var article = response.Data.GetProperty("createArticle").GetProperty("article");
        return (article.GetProperty("id").GetString()!, article.GetProperty("slug").GetString()!);
    }

    [Test]
    public async Task A_revoked_key_is_no_better_than_none()
    {
        var key = await CreateKeyAsync("revoked-editor", ApiRole.Editor);
        await using (var db = await CreateDbContextAsync())
        {
            await db.ApiKeys.Where(k => k.Name == "revoked-editor").ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        }

        var response = await ClientWithKey(key).PostAsync(DraftList);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }));
    }

    [Test]
    public async Task An_unknown_key_still_reads_public_content()
    {
        var response = await ClientWithKey("nwk_not-a-key-we-issued").PostAsync("{ articles(first: 1) { nodes { slug } } }");

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_key_may_come_in_the_x_api_key_header()
    {
        var key = await CreateKeyAsync("header-editor", ApiRole.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = DraftList }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);

        var response = await Client.SendAsync(request);

        Assert.That(response.Errors, Is.Empty, response.Body);
    }
}
