using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Articles;

/// <summary>
/// Cards and article pages list tags and authors in editorial order, whichever way they were read: on PostgreSQL with
/// the page's own statement, on SQLite by the links loader.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ArticleCardLinksTests(TestStore store) : StoreFixture(store)
{
    private const string Links = "slug tags { slug } authors { slug }";

    private static readonly string[] OneWay = ["nujaba", "iraq", "united-states", "iran"];
    private static readonly string[] OtherWay = ["iran", "united-states", "iraq", "nujaba"];
    private static readonly string[] Bylines = ["layla-haddad", "politics-desk"];
    private static readonly string[] BylinesReversed = ["politics-desk", "layla-haddad"];

    [Test]
    public async Task The_feed_the_tag_page_and_the_article_page_keep_editorial_order_and_show_none_for_none()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var first = await PublishAsync(editor, "ترتيب الوسوم الأول", OneWay, Bylines);
        var second = await PublishAsync(editor, "ترتيب الوسوم الثاني", OtherWay, BylinesReversed);
        var bare = await PublishAsync(editor, "خبر بلا وسوم ولا كتاب", [], []);

        var feed = await Client.PostAsync("{ articles(first: 3) { nodes { " + Links + " } } }");
        var tagPage = await Client.PostAsync("{ tag(slug: \"nujaba\") { articles(first: 2) { nodes { " + Links + " } } } }");

        Assert.That(feed.Errors, Is.Empty, feed.Body);
        Assert.That(tagPage.Errors, Is.Empty, tagPage.Body);
        var cards = feed.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("slug").GetString()!);
        var tagCards = tagPage.Data.GetProperty("tag").GetProperty("articles").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("slug").GetString()!);
        Assert.Multiple(() =>
        {
            AssertLinks(cards[first], OneWay, Bylines);
            AssertLinks(cards[second], OtherWay, BylinesReversed);
            AssertLinks(cards[bare], [], []);
            AssertLinks(tagCards[first], OneWay, Bylines);
            AssertLinks(tagCards[second], OtherWay, BylinesReversed);
        });

        foreach (var (slug, tags, authors) in new[] { (first, OneWay, Bylines), (second, OtherWay, BylinesReversed), (bare, [], []) })
        {
            var page = await Client.PostAsync("query($slug: String!) { article(slug: $slug) { headline body { kind } " + Links + " } }", new { slug });
            Assert.That(page.Errors, Is.Empty, page.Body);
            AssertLinks(page.Data.GetProperty("article"), tags, authors);
        }
    }

    private static void AssertLinks(JsonElement card, string[] tags, string[] authors)
    {
        Assert.That(card.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(tags), card.ToString());
        Assert.That(card.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()), Is.EqualTo(authors), card.ToString());
    }

    private static async Task<string> PublishAsync(GraphQLClient editor, string headline, string[] tagSlugs, string[] authorSlugs)
    {
        var created = await editor.PostAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } userErrors { code message } } }",
            new { input = new { headline, body = new object[] { new { kind = "PARAGRAPH", text = "نص الخبر." } }, sectionSlug = "politics", tagSlugs, authorSlugs } });
        Assert.That(created.Errors, Is.Empty, created.Body);
        var article = created.Data.GetProperty("createArticle").GetProperty("article");
        var published = await editor.PostAsync(
            "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } userErrors { code message } } }",
            new { input = new { id = article.GetProperty("id").GetString() } });
        Assert.That(published.Errors, Is.Empty, published.Body);
        Assert.That(published.Data.GetProperty("publishArticle").GetProperty("userErrors").GetArrayLength(), Is.Zero, published.Body);
        return article.GetProperty("slug").GetString()!;
    }
}
