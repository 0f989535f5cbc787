using System.Text.Json;
using System.Text.RegularExpressions;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Validation;

/// <summary>
/// Every validation rule, asked in English and in Arabic: the same code and field path either way, the message in
/// the language asked for, and nothing written.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed partial class ValidationRuleTests(TestStore store) : StoreFixture(store)
{
    private sealed record Arranged(string ArticleId, string LinkedId, string TickerId);

    private sealed record Rule(string Mutation, string InputType, Func<Arranged, object> Input, string Code, string[] Field);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["headline is required"] = new("createArticle", "CreateArticleInput", _ => new { headline = "   " }, "REQUIRED", ["input", "headline"]),
        ["headline has a maximum length"] = new("createArticle", "CreateArticleInput", _ => new { headline = new string('خ', 301) }, "TOO_LONG", ["input", "headline"]),
        ["standfirst has a maximum length"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", standfirst = new string('خ', 1001) }, "TOO_LONG", ["input", "standfirst"]),
        ["slug must be a slug"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", slug = "Not A Slug" }, "INVALID_SLUG", ["input", "slug"]),
        ["chosen slug must be free"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", slug = "validation-target" }, "DUPLICATE", ["input", "slug"]),
        ["section must exist"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", sectionSlug = "nowhere" }, "NOT_FOUND", ["input", "sectionSlug"]),
        ["tags must exist"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", tagSlugs = new[] { "iraq", "atlantis" } }, "NOT_FOUND", ["input", "tagSlugs", "1"]),
        ["tags are given once"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", tagSlugs = new[] { "iraq", "iraq" } }, "DUPLICATE", ["input", "tagSlugs", "1"]),
        ["at most twenty tags"] = new("setArticleTags", "SetArticleTagsInput", a => new { id = a.ArticleId, tagSlugs = Enumerable.Range(1, 21).Select(n => $"t{n}").ToArray() }, "TOO_MANY", ["input", "tagSlugs"]),
        ["at most twenty authors"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", authorSlugs = Enumerable.Range(1, 21).Select(n => $"a{n}").ToArray() }, "TOO_MANY", ["input", "authorSlugs"]),
        ["a body has at most 500 blocks"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", body = Enumerable.Range(0, 501).Select(_ => new { kind = "PARAGRAPH", text = "نص" }).ToArray() }, "TOO_MANY", ["input", "body"]),
        ["an old slug stays its article's"] = new("updateArticle", "UpdateArticleInput", a => new { id = a.ArticleId, expectedVersion = 1, slug = "validation-linked-old" }, "DUPLICATE", ["input", "slug"]),
        ["authors must exist"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", authorSlugs = new[] { "nobody" } }, "NOT_FOUND", ["input", "authorSlugs", "0"]),
        ["text blocks need text"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", body = new[] { new { kind = "PARAGRAPH" } } }, "REQUIRED", ["input", "body", "0", "text"]),
        ["image blocks need a url"] = new("updateArticle", "UpdateArticleInput", a => new { id = a.ArticleId, expectedVersion = 1, body = new object[] { new { kind = "PARAGRAPH", text = "نص" }, new { kind = "IMAGE" } } }, "REQUIRED", ["input", "body", "1", "url"]),
        ["heading levels are 2 to 4"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", body = new[] { new { kind = "HEADING", text = "عنوان", level = 7 } } }, "INVALID_VALUE", ["input", "body", "0", "level"]),
        ["canonical url is an absolute url"] = new("createArticle", "CreateArticleInput", _ => new { headline = "خبر", canonicalUrl = "not a url" }, "INVALID_VALUE", ["input", "canonicalUrl"]),
        ["updated headline is not blank"] = new("updateArticle", "UpdateArticleInput", a => new { id = a.ArticleId, expectedVersion = 1, headline = "" }, "REQUIRED", ["input", "headline"]),
        ["updated article must exist"] = new("updateArticle", "UpdateArticleInput", _ => new { id = GlobalId.Encode("Article", 999_999), expectedVersion = 1, headline = "خبر" }, "NOT_FOUND", ["input", "id"]),
        ["an id of another type names no article"] = new("publishArticle", "PublishArticleInput", _ => new { id = GlobalId.Encode("Tag", 1) }, "NOT_FOUND", ["input", "id"]),
        ["scheduled time is in the future"] = new("publishArticle", "PublishArticleInput", a => new { id = a.ArticleId, at = DateTime.UtcNow.AddMinutes(-1) }, "INVALID_TIME", ["input", "at"]),
        ["stale version is a conflict"] = new("updateArticle", "UpdateArticleInput", a => new { id = a.ArticleId, expectedVersion = 7, headline = "خبر" }, "CONFLICT", ["input", "expectedVersion"]),
        ["no self links"] = new("linkRelatedStory", "LinkRelatedStoryInput", a => new { fromId = a.ArticleId, toId = a.ArticleId }, "SELF_LINK", ["input", "toId"]),
        ["no duplicate related links"] = new("linkRelatedStory", "LinkRelatedStoryInput", a => new { fromId = a.ArticleId, toId = a.LinkedId }, "DUPLICATE", ["input", "toId"]),
        ["automatic links are not stored"] = new("linkRelatedStory", "LinkRelatedStoryInput", a => new { fromId = a.LinkedId, toId = a.ArticleId, kind = "AUTOMATIC" }, "INVALID_VALUE", ["input", "kind"]),
        ["reorder names every link"] = new("reorderRelatedStories", "ReorderRelatedStoriesInput", a => new { fromId = a.ArticleId, toIds = Array.Empty<string>() }, "INVALID_VALUE", ["input", "toIds"]),
        ["ticker headline is required"] = new("createTickerItem", "CreateTickerItemInput", _ => new { headline = "" }, "REQUIRED", ["input", "headline"]),
        ["ticker excerpt has a maximum length"] = new("createTickerItem", "CreateTickerItemInput", _ => new { headline = "عاجل", excerpt = new string('خ', 501) }, "TOO_LONG", ["input", "excerpt"]),
        ["ticker expiry is after its start"] = new("createTickerItem", "CreateTickerItemInput", _ => new { headline = "عاجل", startsAt = DateTime.UtcNow, expiresAt = DateTime.UtcNow.AddHours(-1) }, "INVALID_TIME", ["input", "expiresAt"]),
        ["updated ticker expiry is after its stored start"] = new("updateTickerItem", "UpdateTickerItemInput", a => new { id = a.TickerId, expiresAt = DateTime.UtcNow.AddDays(-30) }, "INVALID_TIME", ["input", "expiresAt"]),
        ["ticker article must exist"] = new("createTickerItem", "CreateTickerItemInput", _ => new { headline = "عاجل", articleId = GlobalId.Encode("Article", 999_999) }, "NOT_FOUND", ["input", "articleId"]),
        ["tag name is required"] = new("createTag", "CreateTagInput", _ => new { name = "" }, "REQUIRED", ["input", "name"]),
        ["tag slug must be free"] = new("createTag", "CreateTagInput", _ => new { name = "العراق", slug = "iraq" }, "DUPLICATE", ["input", "slug"]),
        ["section slug must be a slug"] = new("createSection", "CreateSectionInput", _ => new { name = "قسم", slug = "-bad--slug-" }, "INVALID_SLUG", ["input", "slug"]),
        ["author name has a maximum length"] = new("createAuthor", "CreateAuthorInput", _ => new { name = new string('ك', 201) }, "TOO_LONG", ["input", "name"]),
    };

    private Arranged? arranged;

    private static IEnumerable<TestCaseData> Cases() =>
        from rule in Rules.Keys
        from language in new[] { "en", "ar" }
        select new TestCaseData(rule, language).SetArgDisplayNames(rule, language);

    [TestCaseSource(nameof(Cases))]
    public async Task A_broken_rule_gives_its_code_and_field_a_message_in_the_language_asked_and_writes_nothing(string name, string language)
    {
        var rule = Rules[name];
        var ids = await ArrangeAsync();
        var editor = await ClientAsAsync(ApiRole.Editor, language);
        var before = await StoreFingerprintAsync();

        var response = await editor.PostAsync(
            $"mutation($input: {rule.InputType}!) {{ {rule.Mutation}(input: $input) {{ userErrors {{ code field message }} }} }}",
            new { input = rule.Input(ids) });

        Assert.That(response.Errors, Is.Empty, response.Body);
        var errors = response.Data.GetProperty(rule.Mutation).GetProperty("userErrors").EnumerateArray().ToList();
        var error = errors.FirstOrDefault(e => e.GetProperty("code").GetString() == rule.Code);
        Assert.That(error.ValueKind, Is.EqualTo(JsonValueKind.Object), response.Body);
        var message = error.GetProperty("message").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("field").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(rule.Field), response.Body);
            Assert.That(ArabicLetter().IsMatch(message), Is.EqualTo(language == "ar"), message);
        });
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before), "a failed validation writes nothing");
    }

    [Test]
    public async Task Codes_do_not_depend_on_the_language()
    {
        var ids = await ArrangeAsync();
        var input = new { id = ids.ArticleId, expectedVersion = 1, headline = "", canonicalUrl = "nope", tagSlugs = new[] { "atlantis" } };
        const string query = "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { userErrors { code field } } }";

        var english = await (await ClientAsAsync(ApiRole.Editor, "en-GB")).PostAsync(query, new { input });
        var arabic = await (await ClientAsAsync(ApiRole.Editor, "ar-IQ,ar;q=0.9,en;q=0.5")).PostAsync(query, new { input });

        Assert.That(english.Data.GetRawText(), Is.EqualTo(arabic.Data.GetRawText()));
        Assert.That(english.Data.GetProperty("updateArticle").GetProperty("userErrors").GetArrayLength(), Is.EqualTo(3));
    }

    /// <summary>One draft with a curated link, an old slug of the linked article and one ticker item, shared by every case of the fixture (none of them changes anything).</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        if (arranged is not null)
        {
            return arranged;
        }

        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var target = new Article { Slug = "validation-target", Headline = "خبر للتحقق", Status = ArticleStatus.Draft, CreatedAt = now, UpdatedAt = now };
        var linked = new Article { Slug = "validation-linked", Headline = "خبر مرتبط", Status = ArticleStatus.Published, PublishedAt = now.AddHours(-1), CreatedAt = now, UpdatedAt = now };
        var ticker = new TickerItem { Headline = "عاجل للتحقق", StartsAt = now.AddHours(-1), CreatedAt = now, UpdatedAt = now };
        db.AddRange(target, linked, ticker);
        await db.SaveChangesAsync();
        db.RelatedLinks.Add(new RelatedLink { FromArticleId = target.Id, ToArticleId = linked.Id, CreatedAt = now });
        db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { Slug = "validation-linked-old", ArticleId = linked.Id, CreatedAt = now });
        await db.SaveChangesAsync();
        arranged = new Arranged(GlobalId.Encode("Article", target.Id), GlobalId.Encode("Article", linked.Id), GlobalId.Encode("TickerItem", ticker.Id));
        return arranged;
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetter();
}
