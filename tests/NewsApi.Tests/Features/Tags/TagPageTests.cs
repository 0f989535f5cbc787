using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Security;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Tags;

/// <summary>
/// Tag pages read article_tags' copies of each article's status and publication time: every way an article
/// enters or leaves a tag's public page must reach them.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TagPageTests(TestStore store) : StoreFixture(store)
{
    private const string TagPage = """
        query($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
          tag(slug: $slug) { articles(first: $first, after: $after, last: $last, before: $before) {
            totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor } } }
        }
        """;

    private const string Filtered = """
        query($tags: [String!]!, $first: Int) { articles(first: $first, where: { tags: $tags }) { nodes { slug } } }
        """;

    private const string Create = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } userErrors { code } } }";

    [Test]
    public async Task Publish_unpublish_schedule_retag_and_delete_move_articles_on_and_off_the_tag_page()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var admin = await ClientAsAsync(ApiRole.Admin);
        var tag = await NewTagAsync();
        var other = await NewTagAsync();
        var a = await CreateAsync(editor, tag);
        var b = await CreateAsync(editor, tag);

        Assert.That(await SlugsAsync(tag), Is.Empty, "drafts are not on the page");

        await TransitionAsync(editor, "publishArticle", "PublishArticleInput", new { id = a.Id });
        await TransitionAsync(editor, "publishArticle", "PublishArticleInput", new { id = b.Id });
        Assert.That(await SlugsAsync(tag), Is.EqualTo(new[] { b.Slug, a.Slug }));

        await TransitionAsync(editor, "unpublishArticle", "ArticleTransitionInput", new { id = a.Id });
        Assert.That(await SlugsAsync(tag), Is.EqualTo(new[] { b.Slug }));

        await TransitionAsync(editor, "publishArticle", "PublishArticleInput", new { id = a.Id, at = DateTime.UtcNow.AddDays(1) });
        Assert.That(await SlugsAsync(tag), Is.EqualTo(new[] { b.Slug }), "scheduled is not public yet");

        await TransitionAsync(editor, "setArticleTags", "SetArticleTagsInput", new { id = b.Id, tagSlugs = new[] { other } });
        Assert.That(await SlugsAsync(tag), Is.Empty);
        Assert.That(await SlugsAsync(other), Is.EqualTo(new[] { b.Slug }));

        await TransitionAsync(admin, "deleteArticle", "ArticleTransitionInput", new { id = b.Id }, "deletedArticleId");
        Assert.That(await SlugsAsync(other), Is.Empty);
    }

    [Test]
    public async Task A_write_behind_the_api_reaches_the_tag_page_too()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var tag = await NewTagAsync();
        var article = await CreateAsync(editor, tag);

        // What the scheduler or a bulk import does: update articles directly.
        await using (var db = await CreateDbContextAsync())
        {
            await db.Articles.Where(x => x.Slug == article.Slug).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, ArticleStatus.Published)
                .SetProperty(x => x.PublishedAt, DateTime.UtcNow.AddMinutes(-5)));
        }

        Assert.That(await SlugsAsync(tag), Is.EqualTo(new[] { article.Slug }));
        Assert.That(await FilteredSlugsAsync(tag), Is.EqualTo(new[] { article.Slug }));
    }

    [Test]
    public async Task Keyset_paging_walks_the_tag_page_exactly_both_ways()
    {
        var tag = await NewTagAsync();
        var unusedTag = await NewTagAsync();
        await using (var db = await CreateDbContextAsync())
        {
            var tagId = await db.Tags.Where(t => t.Slug == tag).Select(t => t.Id).SingleAsync();
            var at = DateTime.UtcNow.AddHours(-1);
            for (var i = 0; i < 7; i++)
            {
                // Two pairs share a publication time: the article id breaks the tie.
                var publishedAt = at.AddMinutes(i / 2 * 3);
                db.Articles.Add(new Article
                {
                    Slug = $"tag-page-{i}-{Guid.NewGuid():N}",
                    Headline = "خبر في صفحة الوسم",
                    Status = i == 6 ? ArticleStatus.Draft : ArticleStatus.Published,
                    PublishedAt = publishedAt,
                    CreatedAt = publishedAt,
                    UpdatedAt = publishedAt,
                    Tags = [new ArticleTag { TagId = tagId }],
                });
            }

            await db.SaveChangesAsync();
        }

        // The general filter (two tags, one unused) is the reference: it does not take the tag-page path.
        var expected = await FilteredSlugsAsync(tag, unusedTag);
        Assert.That(expected, Has.Count.EqualTo(6));

        var walked = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PageAsync(tag, new { slug = tag, first = 4, after });
            walked.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!));
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(6));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.That(walked, Is.EqualTo(expected));
        Assert.That(await FilteredSlugsAsync(tag), Is.EqualTo(expected));

        var last = await PageAsync(tag, new { slug = tag, last = 3 });
        var lastSlugs = last.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()).ToList();
        Assert.That(lastSlugs, Is.EqualTo(expected.Skip(3)));
        var before = await PageAsync(tag, new { slug = tag, last = 3, before = last.GetProperty("edges")[0].GetProperty("cursor").GetString() });
        Assert.That(before.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()), Is.EqualTo(expected.Take(3)));
    }

    private async Task<string> NewTagAsync()
    {
        await using var db = await CreateDbContextAsync();
        var slug = $"tag-page-{Guid.NewGuid():N}";
        db.Tags.Add(new Tag { Slug = slug, Name = "وسم صفحة", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return slug;
    }

    private static async Task<(string Id, string Slug)> CreateAsync(GraphQLClient editor, string tag)
    {
        var response = await editor.PostAsync(Create, new { input = new { headline = $"خبر الوسم {Guid.NewGuid():N}", tagSlugs = new[] { tag } } });
        Assert.That(response.Errors, Is.Empty, response.Body);
        var article = response.Data.GetProperty("createArticle").GetProperty("article");
        return (article.GetProperty("id").GetString()!, article.GetProperty("slug").GetString()!);
    }

    private static async Task TransitionAsync(GraphQLClient client, string mutation, string inputType, object input, string selection = "article { id }")
    {
        var response = await client.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} userErrors {{ code }} }} }}", new { input });
        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty(mutation).GetProperty("userErrors").GetArrayLength(), Is.Zero, response.Body);
    }

    private async Task<JsonElement> PageAsync(string tag, object variables)
    {
        var response = await Client.PostAsync(TagPage, variables);
        Assert.That(response.Errors, Is.Empty, response.Body);
        return response.Data.GetProperty("tag").GetProperty("articles");
    }

    private async Task<List<string>> SlugsAsync(string tag) =>
        [.. (await PageAsync(tag, new { slug = tag, first = 50 })).GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!)];

    private async Task<List<string>> FilteredSlugsAsync(params string[] tags)
    {
        var response = await Client.PostAsync(Filtered, new { tags, first = 50 });
        Assert.That(response.Errors, Is.Empty, response.Body);
        return [.. response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!)];
    }
}
