using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Articles;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ArticleMutationTests(TestStore store) : StoreFixture(store)
{
    private const string ArticleFields = "id slug headline status version wordCount publishedAt section { slug } tags { slug } authors { slug }";

    private const string Create = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { " + ArticleFields + " } userErrors { code field message } } }";

    private const string Update = "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { " + ArticleFields + " } userErrors { code field message } } }";

    private const string Publish = "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { " + ArticleFields + " } userErrors { code field message } } }";

    [Test]
    public async Task Create_makes_a_draft_with_an_arabic_slug_from_the_headline_and_a_current_word_count()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);

        var article = await CreateAsync(editor, new
        {
            headline = "الحكومة تُعلن خطة ـــ جديدة للكهرباء",
            body = new object[]
            {
                new { kind = "PARAGRAPH", text = "أعلنت الحكومة اليوم خطة جديدة." },
                new { kind = "QUOTE", text = "لن نترك الناس بلا كهرباء", attribution = "وزير الكهرباء" },
                new { kind = "IMAGE", url = "https://example.org/a.jpg", text = "صورة لا تُعد كلماتها" },
            },
            sectionSlug = "politics",
            tagSlugs = new[] { "iraq", "iran" },
            authorSlugs = new[] { "layla-haddad", "politics-desk" },
        });

        Assert.Multiple(() =>
        {
            Assert.That(article.GetProperty("slug").GetString(), Is.EqualTo("الحكومة-تعلن-خطة-جديدة-للكهرباء"));
            Assert.That(article.GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
            Assert.That(article.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(article.GetProperty("wordCount").GetInt32(), Is.EqualTo(10));
            Assert.That(article.GetProperty("section").GetProperty("slug").GetString(), Is.EqualTo("politics"));
            Assert.That(article.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "iraq", "iran" }));
            Assert.That(article.GetProperty("authors").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "layla-haddad", "politics-desk" }));
        });
    }

    [Test]
    public async Task A_headline_used_before_gets_a_numbered_slug()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);

        var first = await CreateAsync(editor, new { headline = "عنوان مكرر للاختبار" });
        var second = await CreateAsync(editor, new { headline = "عنوانٌ مكرر للاختبار" });
        var third = await CreateAsync(editor, new { headline = "عنوان مكرر للاختبار!" });

        Assert.That(new[] { first, second, third }.Select(a => a.GetProperty("slug").GetString()),
            Is.EqualTo(new[] { "عنوان-مكرر-للاختبار", "عنوان-مكرر-للاختبار-2", "عنوان-مكرر-للاختبار-3" }));
    }

    [Test]
    public async Task Update_with_the_current_version_changes_the_article_and_bumps_its_version()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر سيُعدّل", tagSlugs = new[] { "iraq", "syria" } });

        var response = await editor.PostAsync(Update, new
        {
            input = new
            {
                id = article.GetProperty("id").GetString(),
                expectedVersion = 1,
                headline = "خبر عُدّل",
                tagSlugs = new[] { "syria", "jordan" },
                body = new[] { new { kind = "PARAGRAPH", text = "كلمة ثانية ثالثة" } },
            },
        });

        var updated = Payload(response, "updateArticle");
        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("headline").GetString(), Is.EqualTo("خبر عُدّل"));
            Assert.That(updated.GetProperty("slug").GetString(), Is.EqualTo(article.GetProperty("slug").GetString()), "slugs only change when asked");
            Assert.That(updated.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(updated.GetProperty("wordCount").GetInt32(), Is.EqualTo(3));
            Assert.That(updated.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "syria", "jordan" }));
        });
    }

    [TestCase("en", "version 1", "version 2")]
    [TestCase("ar", "النسخة 1", "النسخة 2")]
    public async Task A_stale_version_is_a_conflict_that_names_the_current_version_and_writes_nothing(string language, string expected, string current)
    {
        var editor = await ClientAsAsync(ApiRole.Editor, language);
        var article = await CreateAsync(editor, new { headline = "خبر للتعارض " + language });
        var id = article.GetProperty("id").GetString();
        Payload(await editor.PostAsync(Update, new { input = new { id, expectedVersion = 1, headline = "الأول" } }), "updateArticle");

        var response = await editor.PostAsync(Update, new { input = new { id, expectedVersion = 1, headline = "الثاني" } });

        var error = response.Data.GetProperty("updateArticle").GetProperty("userErrors")[0];
        Assert.Multiple(() =>
        {
            Assert.That(response.Data.GetProperty("updateArticle").GetProperty("article").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("CONFLICT"));
            Assert.That(error.GetProperty("field").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "input", "expectedVersion" }));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(expected).And.Contain(current));
        });
        await using var db = await CreateDbContextAsync();
        var stored = await db.Articles.SingleAsync(a => a.Id == GlobalId.Expect("Article", id!));
        Assert.That((stored.Headline, stored.Version), Is.EqualTo(("الأول", 2)));
    }

    [Test]
    public async Task Fifty_concurrent_updates_with_one_version_let_exactly_one_win()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر يتسابق عليه المحررون" });
        var id = article.GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(n =>
            editor.PostAsync(Update, new { input = new { id, expectedVersion = 1, headline = $"نسخة المحرر {n}", tagSlugs = new[] { n % 2 == 0 ? "iraq" : "syria" } } })));

        var payloads = responses.Select(r => r.Data.GetProperty("updateArticle")).ToList();
        Assert.That(responses.SelectMany(r => r.Errors), Is.Empty, string.Join("\n", responses.Where(r => r.Errors.Count > 0).Select(r => r.Body).Take(3)));
        var winners = payloads.Where(p => p.GetProperty("article").ValueKind == JsonValueKind.Object).ToList();
        var codes = payloads.SelectMany(p => p.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(codes, Has.Count.EqualTo(49).And.All.EqualTo("CONFLICT"));

        var winner = winners[0].GetProperty("article");
        await using var db = await CreateDbContextAsync();
        var stored = await db.Articles.Include(a => a.Tags).ThenInclude(t => t.Tag).SingleAsync(a => a.Id == GlobalId.Expect("Article", id!));
        Assert.Multiple(() =>
        {
            Assert.That(stored.Headline, Is.EqualTo(winner.GetProperty("headline").GetString()));
            Assert.That(stored.Version, Is.EqualTo(2));
            Assert.That(stored.Tags.Select(t => t.Tag!.Slug), Is.EqualTo(winner.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString())));
        });
    }

    [Test]
    public async Task Publishing_now_makes_the_article_public()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر ينشر الآن" });

        var published = Payload(await editor.PostAsync(Publish, new { input = new { id = article.GetProperty("id").GetString() } }), "publishArticle");

        Assert.That(published.GetProperty("status").GetString(), Is.EqualTo("PUBLISHED"));
        var bySlug = await Client.PostAsync("query($slug: String) { article(slug: $slug) { headline } }", new { slug = article.GetProperty("slug").GetString() });
        Assert.That(bySlug.Data.GetProperty("article").GetProperty("headline").GetString(), Is.EqualTo("خبر ينشر الآن"));
    }

    [Test]
    public async Task Publishing_at_a_future_time_schedules_the_article_and_keeps_it_hidden()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر مجدول" });
        var at = DateTime.UtcNow.AddHours(2);

        var scheduled = Payload(await editor.PostAsync(Publish, new { input = new { id = article.GetProperty("id").GetString(), at } }), "publishArticle");

        Assert.That(scheduled.GetProperty("status").GetString(), Is.EqualTo("SCHEDULED"));
        Assert.That(scheduled.GetProperty("publishedAt").GetDateTime().ToUniversalTime(), Is.EqualTo(at).Within(TimeSpan.FromMilliseconds(1)));
        var bySlug = await Client.PostAsync("query($slug: String) { article(slug: $slug) { headline } }", new { slug = article.GetProperty("slug").GetString() });
        Assert.That(bySlug.Data.GetProperty("article").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Unpublish_and_archive_take_an_article_out_of_public_view()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر يسحب" });
        var id = article.GetProperty("id").GetString();
        Payload(await editor.PostAsync(Publish, new { input = new { id } }), "publishArticle");

        var draft = Payload(await editor.PostAsync("mutation($input: ArticleTransitionInput!) { unpublishArticle(input: $input) { article { status publishedAt version } userErrors { code } } }", new { input = new { id } }), "unpublishArticle");
        Payload(await editor.PostAsync(Publish, new { input = new { id } }), "publishArticle");
        var archived = Payload(await editor.PostAsync("mutation($input: ArticleTransitionInput!) { archiveArticle(input: $input) { article { status version } userErrors { code } } }", new { input = new { id } }), "archiveArticle");

        Assert.Multiple(() =>
        {
            Assert.That(draft.GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
            Assert.That(draft.GetProperty("publishedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(archived.GetProperty("status").GetString(), Is.EqualTo("ARCHIVED"));
            Assert.That(archived.GetProperty("version").GetInt32(), Is.EqualTo(5));
        });
        var feed = await Client.PostAsync("{ articles(first: 100) { nodes { id } } }");
        Assert.That(feed.Body, Does.Not.Contain(id));
    }

    [Test]
    public async Task Publishing_a_published_article_is_an_invalid_state()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر نشر مرتين" });
        var id = article.GetProperty("id").GetString();
        Payload(await editor.PostAsync(Publish, new { input = new { id } }), "publishArticle");

        var again = await editor.PostAsync(Publish, new { input = new { id } });

        Assert.That(again.Data.GetProperty("publishArticle").GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("INVALID_STATE"));
    }

    [Test]
    public async Task Admins_delete_articles_and_their_links()
    {
        var admin = await ClientAsAsync(ApiRole.Admin);
        var article = await CreateAsync(admin, new { headline = "خبر يحذف", tagSlugs = new[] { "iraq" } });
        var id = article.GetProperty("id").GetString();

        var response = await admin.PostAsync("mutation($input: ArticleTransitionInput!) { deleteArticle(input: $input) { deletedArticleId userErrors { code } } }", new { input = new { id } });

        Assert.That(response.Data.GetProperty("deleteArticle").GetProperty("deletedArticleId").GetString(), Is.EqualTo(id));
        await using var db = await CreateDbContextAsync();
        var key = GlobalId.Expect("Article", id!);
        Assert.That(await db.Articles.AnyAsync(a => a.Id == key), Is.False);
        Assert.That(await db.ArticleTags.AnyAsync(t => t.ArticleId == key), Is.False);
    }

    [Test]
    public async Task Deleting_a_published_article_leaves_a_tombstone_for_syncing_apps()
    {
        var admin = await ClientAsAsync(ApiRole.Admin);
        var article = await CreateAsync(admin, new { headline = "خبر منشور ثم محذوف" });
        var id = article.GetProperty("id").GetString();
        Payload(await admin.PostAsync(Publish, new { input = new { id } }), "publishArticle");
        var before = await admin.PostAsync("{ changes(first: 500) { syncToken pageInfo { hasNextPage } } }");
        var token = before.Data.GetProperty("changes").GetProperty("syncToken").GetString();
        while (before.Data.GetProperty("changes").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
        {
            before = await admin.PostAsync("query($since: String) { changes(since: $since, first: 500) { syncToken pageInfo { hasNextPage } } }", new { since = token });
            token = before.Data.GetProperty("changes").GetProperty("syncToken").GetString();
        }

        await admin.PostAsync("mutation($input: ArticleTransitionInput!) { deleteArticle(input: $input) { deletedArticleId } }", new { input = new { id } });

        var changes = await admin.PostAsync("query($since: String) { changes(since: $since) { nodes { kind type id } } }", new { since = token });
        var tombstone = changes.Data.GetProperty("changes").GetProperty("nodes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.That(tombstone.GetProperty("kind").GetString(), Is.EqualTo("DELETE"));
    }

    [Test]
    public async Task Set_article_tags_replaces_the_tags_in_the_order_given()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = await CreateAsync(editor, new { headline = "خبر يعاد وسمه", tagSlugs = new[] { "iraq", "syria", "iran" } });

        var response = await editor.PostAsync(
            "mutation($input: SetArticleTagsInput!) { setArticleTags(input: $input) { article { version tags { slug } } userErrors { code } } }",
            new { input = new { id = article.GetProperty("id").GetString(), tagSlugs = new[] { "iran", "jordan" } } });

        var tagged = Payload(response, "setArticleTags");
        Assert.That(tagged.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "iran", "jordan" }));
        Assert.That(tagged.GetProperty("version").GetInt32(), Is.EqualTo(2));
    }

    private static async Task<JsonElement> CreateAsync(GraphQLClient client, object input) =>
        Payload(await client.PostAsync(Create, new { input }), "createArticle");

    /// <summary>The payload's article, failing the test on errors of either kind.</summary>
    private static JsonElement Payload(GraphQLResponse response, string field)
    {
        Assert.That(response.Errors, Is.Empty, response.Body);
        var payload = response.Data.GetProperty(field);
        Assert.That(payload.GetProperty("userErrors").GetArrayLength(), Is.Zero, response.Body);
        return payload.GetProperty("article");
    }
}
