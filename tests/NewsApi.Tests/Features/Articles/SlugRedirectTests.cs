using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Articles;

/// <summary>
/// A renamed article's old slugs keep resolving to it (the returned slug is the canonical one), stay reserved for it,
/// and never reveal an unpublished article to the public.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SlugRedirectTests(TestStore store) : StoreFixture(store)
{
    private const string Create = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug version } userErrors { code field } } }";

    private const string Update = "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id slug version } userErrors { code field } } }";

    private const string BySlug = "query($slug: String) { article(slug: $slug) { id slug headline } }";

    [Test]
    public async Task An_old_slug_returns_the_article_with_its_current_slug_even_through_a_chain_of_renames()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, first) = await PublishedArticleAsync(editor, "خبر يتغير عنوانه");
        var second = first + "-ب";
        var third = first + "-ج";
        await RenameAsync(editor, id, second);
        await RenameAsync(editor, id, third);

        foreach (var slug in new[] { first, second, third })
        {
            var response = await Client.PostAsync(BySlug, new { slug });

            Assert.That(response.Errors, Is.Empty, response.Body);
            Assert.That(response.Data.GetProperty("article").GetProperty("id").GetString(), Is.EqualTo(id), slug);
            Assert.That(response.Data.GetProperty("article").GetProperty("slug").GetString(), Is.EqualTo(third), "the canonical slug comes back");
        }
    }

    [Test]
    public async Task Old_and_new_slugs_in_one_request_resolve_to_the_same_article()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, old) = await PublishedArticleAsync(editor, "خبر بطلبين معا");
        var current = await RenameAsync(editor, id, old + "-جديد");

        var response = await Client.PostAsync("query($a: String, $b: String) { a: article(slug: $a) { id } b: article(slug: $b) { id } }", new { a = old, b = current });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("a").GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(response.Data.GetProperty("b").GetProperty("id").GetString(), Is.EqualTo(id));
    }

    [Test]
    public async Task Another_article_cannot_take_an_old_slug_while_it_redirects()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, old) = await PublishedArticleAsync(editor, "خبر يحجز اسمه القديم");
        await RenameAsync(editor, id, old + "-2026");

        var chosen = await editor.PostAsync(Create, new { input = new { headline = "خبر آخر", slug = old } });
        var (otherId, _) = await PublishedArticleAsync(editor, "خبر ثالث");
        var other = await CurrentVersionAsync(otherId);
        var renamed = await editor.PostAsync(Update, new { input = new { id = otherId, expectedVersion = other, slug = old } });
        var made = await editor.PostAsync(Create, new { input = new { headline = "خبر يحجز اسمه القديم" } });

        Assert.That(Codes(chosen, "createArticle"), Is.EqualTo(new[] { "DUPLICATE" }), chosen.Body);
        Assert.That(Codes(renamed, "updateArticle"), Is.EqualTo(new[] { "DUPLICATE" }), renamed.Body);
        Assert.That(made.Data.GetProperty("createArticle").GetProperty("article").GetProperty("slug").GetString(), Is.Not.EqualTo(old),
            "a slug made from a headline skips reserved old slugs too");
        var stillThere = await Client.PostAsync(BySlug, new { slug = old });
        Assert.That(stillThere.Data.GetProperty("article").GetProperty("id").GetString(), Is.EqualTo(id));
    }

    [Test]
    public async Task Renaming_back_to_an_old_slug_works_and_the_other_slug_then_redirects()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, old) = await PublishedArticleAsync(editor, "خبر يعود إلى اسمه");
        var interim = await RenameAsync(editor, id, old + "-مؤقت");

        var back = await RenameAsync(editor, id, old);

        Assert.That(back, Is.EqualTo(old));
        var viaInterim = await Client.PostAsync(BySlug, new { slug = interim });
        Assert.That(viaInterim.Data.GetProperty("article").GetProperty("slug").GetString(), Is.EqualTo(old));
        await using var db = await CreateDbContextAsync();
        Assert.That(db.ArticleSlugRedirects.Where(r => r.Slug == old).Count(), Is.Zero, "a live slug is not also a redirect");
    }

    [Test]
    public async Task An_old_slug_of_an_unpublished_article_reveals_nothing_to_the_public_but_resolves_for_editors()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, old) = await PublishedArticleAsync(editor, "خبر يسحب بعد تغيير اسمه");
        var current = await RenameAsync(editor, id, old + "-مسحوب");
        var version = await CurrentVersionAsync(id);
        var unpublished = await editor.PostAsync("mutation($input: ArticleTransitionInput!) { unpublishArticle(input: $input) { userErrors { code } } }", new { input = new { id, expectedVersion = version } });
        Assert.That(Codes(unpublished, "unpublishArticle"), Is.Empty, unpublished.Body);

        var anonymous = await Client.PostAsync(BySlug, new { slug = old });
        var partner = await (await ClientAsAsync(ApiRole.Partner)).PostAsync(BySlug, new { slug = old });
        var forEditor = await editor.PostAsync(BySlug, new { slug = old });

        Assert.That(anonymous.Data.GetProperty("article").ValueKind, Is.EqualTo(JsonValueKind.Null), anonymous.Body);
        Assert.That(partner.Data.GetProperty("article").ValueKind, Is.EqualTo(JsonValueKind.Null), partner.Body);
        Assert.That(forEditor.Data.GetProperty("article").GetProperty("slug").GetString(), Is.EqualTo(current));
    }

    [Test]
    public async Task Deleting_an_article_frees_its_old_slugs()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (id, old) = await PublishedArticleAsync(editor, "خبر يحذف");
        await RenameAsync(editor, id, old + "-محذوف");

        var deleted = await (await ClientAsAsync(ApiRole.Admin)).PostAsync("mutation($input: ArticleTransitionInput!) { deleteArticle(input: $input) { userErrors { code } } }", new { input = new { id } });
        var reused = await editor.PostAsync(Create, new { input = new { headline = "خبر جديد", slug = old } });

        Assert.That(Codes(deleted, "deleteArticle"), Is.Empty, deleted.Body);
        Assert.That(Codes(reused, "createArticle"), Is.Empty, reused.Body);
    }

    private static async Task<(string Id, string Slug)> PublishedArticleAsync(GraphQLClient editor, string headline)
    {
        var created = await editor.PostAsync(Create, new { input = new { headline = headline + " " + Guid.NewGuid().ToString("N")[..6] } });
        var article = created.Data.GetProperty("createArticle").GetProperty("article");
        var id = article.GetProperty("id").GetString()!;
        var published = await editor.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { userErrors { code } } }", new { input = new { id } });
        Assert.That(Codes(published, "publishArticle"), Is.Empty, published.Body);
        return (id, article.GetProperty("slug").GetString()!);
    }

    private async Task<string> RenameAsync(GraphQLClient editor, string id, string slug)
    {
        var response = await editor.PostAsync(Update, new { input = new { id, expectedVersion = await CurrentVersionAsync(id), slug } });
        Assert.That(Codes(response, "updateArticle"), Is.Empty, response.Body);
        return response.Data.GetProperty("updateArticle").GetProperty("article").GetProperty("slug").GetString()!;
    }

    private async Task<int> CurrentVersionAsync(string id)
    {
        var response = await (await ClientAsAsync(ApiRole.Editor)).PostAsync("query($id: ID) { article(id: $id) { version } }", new { id });
        return response.Data.GetProperty("article").GetProperty("version").GetInt32();
    }

    private static string?[] Codes(GraphQLResponse response, string mutation) =>
        response.Errors.Count > 0
            ? [.. response.ErrorCodes]
            : [.. response.Data.GetProperty(mutation).GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())];
}
