using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Caching;

/// <summary>Cache-Control, ETag, Vary and surrogate keys on GraphQL GETs; the purges each kind of write sends; the server's own cache.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class HttpCachingTests(TestStore store) : StoreFixture(store)
{
    private const string Ticker = "{ ticker { headline } }";
    private const string HomeFeed = "{ articles(first: 5) { nodes { id headline tags { slug } } } }";

    private readonly PurgeReceiver purges = PurgeReceiver.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Caching:PurgeUrl"] = purges.Url.ToString(),
        ["Caching:PurgeRetryDelay"] = "00:00:00.050",
    };

    [OneTimeTearDown]
    public async Task StopReceiver() => await purges.DisposeAsync();

    [Test]
    public async Task The_ticker_is_public_for_five_seconds_and_keyed_ticker()
    {
        using var response = await GetAsync(Ticker);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(CacheControl(response), Is.EqualTo("public, max-age=5, s-maxage=10"));
        Assert.That(Header(response, "Surrogate-Key"), Is.EqualTo("ticker"));
        Assert.That(Header(response, "Cache-Tag"), Is.EqualTo("ticker"));
    }

    [Test]
    public async Task A_list_is_public_for_thirty_seconds_and_names_the_list_its_articles_and_their_tags()
    {
        using var response = await GetAsync(HomeFeed);
        var body = await JsonAsync(response);

        Assert.That(CacheControl(response), Is.EqualTo("public, max-age=30, s-maxage=60"));
        var keys = Header(response, "Surrogate-Key")!.Split(' ');
        var articles = body.GetProperty("data").GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Select(a => "article:" + GlobalId.Expect("Article", a.GetProperty("id").GetString()!)).ToList();
        Assert.That(keys, Does.Contain("list:articles"));
        Assert.That(keys, Is.SupersetOf(articles));
        Assert.That(keys.Any(k => k.StartsWith("tag:", StringComparison.Ordinal)), Is.True, string.Join(' ', keys));
        Assert.That(Header(response, "Cache-Tag"), Is.EqualTo(string.Join(',', keys)));
    }

    [Test]
    public async Task An_old_article_is_public_for_an_hour_and_a_fresh_one_for_a_minute()
    {
        var slug = await OldestArticleSlugAsync();
        using var old = await GetAsync($$"""{ article(slug: "{{slug}}") { headline } }""");
        var (_, fresh) = await PublishNewArticleAsync("خبر جديد للتخزين");
        using var recent = await GetAsync($$"""{ article(slug: "{{fresh}}") { headline } }""");

        Assert.That(CacheControl(old), Is.EqualTo("public, max-age=3600, s-maxage=7200"));
        Assert.That(Header(old, "Surrogate-Key"), Does.StartWith("article:"));
        Assert.That(CacheControl(recent), Is.EqualTo("public, max-age=60, s-maxage=120"));
    }

    [Test]
    public async Task Errors_posts_and_editors_are_private_and_not_stored_while_partners_are_public()
    {
        using var error = await GetAsync("{ nope }");
        using var post = await Client.Http.PostAsync("/graphql", JsonContent(Ticker));
        using var editor = await SendAsync(Get(Ticker), await CreateKeyAsync("cache-editor", ApiRole.Editor));
        using var partner = await SendAsync(Get(Ticker), await CreateKeyAsync("cache-partner", ApiRole.Partner));

        Assert.Multiple(() =>
        {
            Assert.That(CacheControl(error), Is.EqualTo("private, no-store"), "a GraphQL error");
            Assert.That(CacheControl(post), Is.EqualTo("private, no-store"), "a POST");
            Assert.That(CacheControl(editor), Is.EqualTo("private, no-store"), "an editor sees unpublished content");
            Assert.That(CacheControl(partner), Is.EqualTo("public, max-age=5, s-maxage=10"), "a partner sees what everyone sees");
            Assert.That(error.Headers.Contains("Surrogate-Key"), Is.False);
            Assert.That(editor.Headers.ETag, Is.Null);
        });
    }

    [Test]
    public async Task Every_get_varies_on_accept_and_credentials()
    {
        using var response = await GetAsync(Ticker);

        Assert.That(response.Headers.Vary, Is.SupersetOf(new[] { "Accept", "Authorization", "X-Api-Key" }));
    }

    [Test]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        using var first = await GetAsync(HomeFeed);
        var etag = first.Headers.ETag!;
        var request = Get(HomeFeed);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await SendAsync(request);
        var other = Get(HomeFeed);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await SendAsync(other);

        Assert.That(etag.IsWeak, Is.False, "a strong hash of the body");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changed.Headers.ETag, Is.EqualTo(etag));
    }

    [Test]
    public async Task A_repeated_anonymous_get_is_answered_without_sql()
    {
        const string query = "{ articles(first: 7) { nodes { headline section { name } } } }";
        using var first = await GetAsync(query);
        var firstBody = await first.Content.ReadAsStringAsync();

        SqlCommands.Reset();
        using var second = await GetAsync(query);

        Assert.That(SqlCommands.Count, Is.Zero, string.Join("\n", SqlCommands.Commands));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
    }

    [Test]
    public async Task A_request_with_a_key_is_not_answered_from_the_server_cache()
    {
        var key = await CreateKeyAsync("cache-partner-sql", ApiRole.Partner);
        using var warm = await SendAsync(Get(Ticker));

        SqlCommands.Reset();
        using var keyed = await SendAsync(Get(Ticker), key);

        Assert.That(keyed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(SqlCommands.Count, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_published_article_is_on_the_next_get_of_the_home_feed()
    {
        using var before = await GetAsync(HomeFeed);
        await before.Content.ReadAsStringAsync();

        var (id, _) = await PublishNewArticleAsync("خبر عاجل يظهر فورا");
        await purges.WaitForAsync($"article:{id}", "list:articles");
        using var after = await GetAsync(HomeFeed);

        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("خبر عاجل يظهر فورا"));
    }

    [Test]
    public async Task A_new_ticker_item_is_on_the_next_get_of_the_ticker()
    {
        using var before = await GetAsync(Ticker);
        await before.Content.ReadAsStringAsync();

        var editor = await ClientAsAsync(ApiRole.Editor);
        await editor.PostAsync("mutation { createTickerItem(input: { headline: \"عاجل يظهر فورا\" }) { tickerItem { id } } }");
        await purges.WaitForAsync("ticker");
        using var after = await GetAsync(Ticker);

        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("عاجل يظهر فورا"));
    }

    [Test]
    public async Task Every_kind_of_article_write_purges_its_keys()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var admin = await ClientAsAsync(ApiRole.Admin);
        purges.Clear();

        var (id, _) = await PublishNewArticleAsync("خبر للتطهير");
        await purges.WaitForAsync($"article:{id}", "list:articles");

        var globalId = GlobalId.Encode("Article", id);
        var version = await VersionAsync(editor, globalId);
        var updated = await editor.PostAsync("mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { userErrors { code } } }",
            new { input = new { id = globalId, expectedVersion = version, headline = "خبر للتطهير مصحح" } });
        Assert.That(updated.Body, Does.Not.Contain("\"code\""));
        await purges.WaitForAsync($"article:{id}");

        await editor.PostAsync("mutation($input: ArticleTransitionInput!) { unpublishArticle(input: $input) { userErrors { code } } }", new { input = new { id = globalId } });
        await purges.WaitForAsync($"article:{id}", "list:articles");

        await editor.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { userErrors { code } } }", new { input = new { id = globalId } });
        await purges.WaitForAsync($"article:{id}", "list:articles");

        var deleted = await admin.PostAsync("mutation($input: ArticleTransitionInput!) { deleteArticle(input: $input) { deletedArticleId userErrors { code } } }", new { input = new { id = globalId } });
        Assert.That(deleted.Body, Does.Contain(globalId));
        await purges.WaitForAsync($"article:{id}", "list:articles");
    }

    [Test]
    public async Task A_tag_update_purges_the_tag()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var tag = await Client.PostAsync("""{ tag(slug: "syria") { id } }""");
        var tagId = tag.Data.GetProperty("tag").GetProperty("id").GetString()!;

        var updated = await editor.PostAsync("mutation($id: ID!) { updateTag(input: { id: $id, description: \"وصف جديد\" }) { userErrors { code } } }", new { id = tagId });

        Assert.That(updated.Body, Does.Not.Contain("\"code\""));
        await purges.WaitForAsync($"tag:{GlobalId.Expect("Tag", tagId)}", "list:tags");
    }

    [Test]
    public async Task A_section_update_purges_the_section_and_the_sections_list()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var sections = await Client.PostAsync("{ sections { id } }");
        var sectionId = sections.Data.GetProperty("sections")[0].GetProperty("id").GetString()!;

        var updated = await editor.PostAsync("mutation($id: ID!) { updateSection(input: { id: $id, nameEn: \"Renamed\" }) { userErrors { code } } }", new { id = sectionId });

        Assert.That(updated.Body, Does.Not.Contain("\"code\""));
        await purges.WaitForAsync($"section:{GlobalId.Expect("Section", sectionId)}", "list:sections");
    }

    [Test]
    public async Task An_author_update_purges_the_author()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation { createAuthor(input: { name: \"كاتب للتطهير\", slug: \"purge-author\" }) { author { id } userErrors { code } } }");
        var authorId = created.Data.GetProperty("createAuthor").GetProperty("author").GetProperty("id").GetString()!;
        await purges.WaitForAsync($"author:{GlobalId.Expect("Author", authorId)}");
        purges.Clear();

        var updated = await editor.PostAsync("mutation($id: ID!) { updateAuthor(input: { id: $id, nameEn: \"Purged\" }) { userErrors { code } } }", new { id = authorId });

        Assert.That(updated.Body, Does.Not.Contain("\"code\""));
        await purges.WaitForAsync($"author:{GlobalId.Expect("Author", authorId)}");
    }

    [Test]
    public async Task Ticker_create_update_and_expire_each_purge_the_ticker_even_when_the_receiver_fails_at_first()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        purges.Clear();
        purges.FailNext(2);

        var created = await editor.PostAsync("mutation { createTickerItem(input: { headline: \"عاجل للتطهير\" }) { tickerItem { id } } }");
        var id = created.Data.GetProperty("createTickerItem").GetProperty("tickerItem").GetProperty("id").GetString();
        await purges.WaitForAsync("ticker");

        await editor.PostAsync("mutation($id: ID!) { updateTickerItem(input: { id: $id, expectedVersion: 1, headline: \"عاجل محدث\" }) { userErrors { code } } }", new { id });
        await purges.WaitForAsync("ticker");

        await editor.PostAsync("mutation($id: ID!) { expireTickerItem(input: { id: $id }) { userErrors { code } } }", new { id });
        await purges.WaitForAsync("ticker");
    }

    private async Task<(int Id, string Slug)> PublishNewArticleAsync(string headline)
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation($headline: String!) { createArticle(input: { headline: $headline, tagSlugs: [\"syria\"] }) { article { id slug } userErrors { code } } }", new { headline });
        var article = created.Data.GetProperty("createArticle").GetProperty("article");
        var id = article.GetProperty("id").GetString()!;
        var published = await editor.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } userErrors { code } } }", new { input = new { id } });
        Assert.That(published.Body, Does.Contain("PUBLISHED"));
        return (GlobalId.Expect("Article", id), article.GetProperty("slug").GetString()!);
    }

    private static async Task<int> VersionAsync(GraphQLClient editor, string id)
    {
        var response = await editor.PostAsync("query($id: ID!) { node(id: $id) { ... on Article { version } } }", new { id });
        return response.Data.GetProperty("node").GetProperty("version").GetInt32();
    }

    private async Task<string> OldestArticleSlugAsync()
    {
        var response = await Client.PostAsync("{ articles(last: 1) { nodes { slug publishedAt } } }");
        var node = response.Data.GetProperty("articles").GetProperty("nodes")[0];
        Assert.That(node.GetProperty("publishedAt").GetDateTime(), Is.LessThan(DateTime.UtcNow.AddDays(-1)), "the sample content has old articles");
        return node.GetProperty("slug").GetString()!;
    }

    private static HttpRequestMessage Get(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);
        return request;
    }

    private Task<HttpResponseMessage> GetAsync(string query) => SendAsync(Get(query));

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? key = null)
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return Client.Http.SendAsync(request);
    }

    private static StringContent JsonContent(string query) =>
        new(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Cache-Control as sent, directives in a fixed order (the client reorders private/no-store).</summary>
    private static string CacheControl(HttpResponseMessage response) => response.Headers.CacheControl switch
    {
        null => "",
        { Private: true, NoStore: true } => "private, no-store",
        var other => other.ToString(),
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
