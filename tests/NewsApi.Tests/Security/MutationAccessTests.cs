using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// The role × operation matrix: every mutation, called with input that would succeed, by each kind of caller.
/// Anonymous callers get UNAUTHENTICATED, partners FORBIDDEN, editors everything but deleteArticle, admins all; a
/// refused call writes nothing.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class MutationAccessTests(TestStore store) : StoreFixture(store)
{
    private static readonly string[] Mutations =
    [
        "createArticle", "updateArticle", "publishArticle", "unpublishArticle", "archiveArticle", "deleteArticle", "setArticleTags",
        "linkRelatedStory", "unlinkRelatedStory", "reorderRelatedStories",
        "createTickerItem", "updateTickerItem", "expireTickerItem",
        "createTag", "updateTag", "createSection", "updateSection", "createAuthor", "updateAuthor",
    ];

    private static IEnumerable<TestCaseData> Matrix() =>
        from mutation in Mutations
        from role in new ApiRole?[] { null, ApiRole.Partner, ApiRole.Editor, ApiRole.Admin }
        select new TestCaseData(mutation, role).SetArgDisplayNames(mutation, role?.ToString() ?? "Anonymous");

    [TestCaseSource(nameof(Matrix))]
    public async Task Each_mutation_is_allowed_or_refused_by_role_and_a_refusal_writes_nothing(string mutation, ApiRole? role)
    {
        var client = await ClientAsAsync(role);
        var (inputType, input) = await ArrangeAsync(mutation);
        var before = await StoreFingerprintAsync();

        var response = await client.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ userErrors {{ code field message }} }} }}", new { input });

        var expected = role switch
        {
            null => "UNAUTHENTICATED",
            ApiRole.Partner => "FORBIDDEN",
            ApiRole.Editor when mutation == "deleteArticle" => "FORBIDDEN",
            _ => null,
        };
        if (expected is null)
        {
            Assert.That(response.Errors, Is.Empty, response.Body);
            Assert.That(response.Data.GetProperty(mutation).GetProperty("userErrors").GetArrayLength(), Is.Zero, response.Body);
            Assert.That(await StoreFingerprintAsync(), Is.Not.EqualTo(before), "an allowed mutation writes");
        }
        else
        {
            Assert.That(response.ErrorCodes, Is.EqualTo(new[] { expected }), response.Body);
            Assert.That(response.Data.GetProperty(mutation).ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before), "a refused mutation writes nothing");
        }
    }

    /// <summary>Fresh rows for the mutation to work on, and an input that succeeds for a caller who may run it.</summary>
    private async Task<(string InputType, object Input)> ArrangeAsync(string mutation)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var unique = Guid.NewGuid().ToString("N")[..8];
        Article NewArticle(string name, ArticleStatus status) => new()
        {
            Slug = $"{name}-{unique}",
            Headline = $"خبر {name} {unique}",
            Status = status,
            PublishedAt = status == ArticleStatus.Published ? now.AddMinutes(-5) : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var draft = NewArticle("draft", ArticleStatus.Draft);
        var published = NewArticle("published", ArticleStatus.Published);
        var other = NewArticle("other", ArticleStatus.Published);
        db.Articles.AddRange(draft, published, other);
        var ticker = new TickerItem { Headline = "عاجل " + unique, StartsAt = now.AddMinutes(-1), CreatedAt = now, UpdatedAt = now };
        db.TickerItems.Add(ticker);
        await db.SaveChangesAsync();
        db.RelatedLinks.Add(new RelatedLink { FromArticleId = draft.Id, ToArticleId = published.Id, CreatedAt = now });
        await db.SaveChangesAsync();

        string Id(string type, int id) => GlobalId.Encode(type, id);
        var draftId = Id("Article", draft.Id);
        return mutation switch
        {
            "createArticle" => ("CreateArticleInput", new { headline = "خبر جديد " + unique }),
            "updateArticle" => ("UpdateArticleInput", new { id = draftId, expectedVersion = 1, headline = "عنوان معدل" }),
            "publishArticle" => ("PublishArticleInput", new { id = draftId }),
            "unpublishArticle" => ("ArticleTransitionInput", new { id = Id("Article", published.Id) }),
            "archiveArticle" => ("ArticleTransitionInput", new { id = Id("Article", published.Id) }),
            "deleteArticle" => ("ArticleTransitionInput", new { id = draftId }),
            "setArticleTags" => ("SetArticleTagsInput", new { id = draftId, tagSlugs = new[] { "syria" } }),
            "linkRelatedStory" => ("LinkRelatedStoryInput", new { fromId = draftId, toId = Id("Article", other.Id) }),
            "unlinkRelatedStory" => ("UnlinkRelatedStoryInput", new { fromId = draftId, toId = Id("Article", published.Id) }),
            "reorderRelatedStories" => ("ReorderRelatedStoriesInput", new { fromId = draftId, toIds = new[] { Id("Article", published.Id) } }),
            "createTickerItem" => ("CreateTickerItemInput", new { headline = "عاجل جديد " + unique }),
            "updateTickerItem" => ("UpdateTickerItemInput", new { id = Id("TickerItem", ticker.Id), headline = "عاجل معدل" }),
            "expireTickerItem" => ("ExpireTickerItemInput", new { id = Id("TickerItem", ticker.Id) }),
            "createTag" => ("CreateTagInput", new { name = "وسم " + unique, kind = "PLACE" }),
            "updateTag" => ("UpdateTagInput", new { id = Id("Tag", await IdOfAsync(db.Tags, "iraq")), description = "وصف " + unique }),
            "createSection" => ("CreateSectionInput", new { name = "قسم " + unique }),
            "updateSection" => ("UpdateSectionInput", new { id = Id("Section", await IdOfAsync(db.Sections, "world")), description = "وصف " + unique }),
            "createAuthor" => ("CreateAuthorInput", new { name = "كاتب " + unique }),
            "updateAuthor" => ("UpdateAuthorInput", new { id = Id("Author", await IdOfAsync(db.Authors, "layla-haddad")), description = "وصف " + unique }),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null),
        };
    }

    private static Task<int> IdOfAsync<T>(DbSet<T> set, string slug)
        where T : class =>
        set.Where(e => EF.Property<string>(e, "Slug") == slug).Select(e => EF.Property<int>(e, "Id")).SingleAsync();
}
