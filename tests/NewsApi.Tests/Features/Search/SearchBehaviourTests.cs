using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SearchBehaviourTests(TestStore store) : SearchFixture(store)
{
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    [Test]
    public async Task Drafts_scheduled_archived_and_future_articles_never_appear()
    {
        var hidden = SearchCorpus.Hidden.Select(h => h.Slug).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(await SlugsAsync("سوريا"), Is.Not.Empty.And.No.AnyOf(hidden));
            Assert.That(await SlugsAsync("ترامب"), Is.Not.Empty.And.No.AnyOf(hidden));
            Assert.That(await SlugsAsync("مسودة"), Is.Empty);
            Assert.That(await SlugsAsync("أرشيف"), Is.Empty);
            Assert.That(await SlugsAsync("مجدول"), Is.Empty);
        });
    }

    [Test]
    public async Task The_snippet_marks_the_matched_words_as_written()
    {
        var response = await SearchAsync("مدرسة");
        var snippet = Edges(response).Single().GetProperty("node").GetProperty("snippet").GetString();

        Assert.That(snippet, Is.EqualTo($"تستقبل {MarkStart}المدرسة{MarkEnd} ألف طالب."));
    }

    [Test]
    public async Task The_snippet_comes_from_the_body_when_only_the_body_matches()
    {
        var response = await SearchAsync("النفط");
        var node = Edges(response).Single().GetProperty("node");

        Assert.That(node.GetProperty("article").GetProperty("slug").GetString(), Is.EqualTo("trump-iran"));
        Assert.That(node.GetProperty("snippet").GetString(), Does.Contain($"{MarkStart}النفط{MarkEnd}"));
    }

    [Test]
    public async Task A_long_snippet_is_cut_at_word_boundaries_around_the_match()
    {
        var words = Enumerable.Range(1, 80).Select(i => $"كلمة{i}").ToList();
        words[50] = "زلزال";
        await AddArticleAsync("long-body", "خبر طويل", body: string.Join(' ', words));

        var response = await SearchAsync("زلزال");
        var snippet = Edges(response).Single().GetProperty("node").GetProperty("snippet").GetString()!;

        Assert.That(snippet, Does.StartWith("… كلمة43 "));
        Assert.That(snippet, Does.EndWith(" …"));
        Assert.That(snippet, Does.Contain($"{MarkStart}زلزال{MarkEnd}"));
        Assert.That(snippet.Split(' ').Count(w => w.StartsWith("كلمة", StringComparison.Ordinal)), Is.EqualTo(29));
    }

    [Test]
    public async Task Paging_through_results_never_repeats_or_skips_even_while_news_is_published()
    {
        var all = await SlugsAsync("في");
        Assert.That(all, Has.Count.GreaterThan(6));

        var seen = new List<string>();
        string? after = null;
        var page = 0;
        do
        {
            var response = await SearchAsync("في", first: 2, after: after);
            Assert.That(response.Errors, Is.Empty, response.Body);
            seen.AddRange(Edges(response).Select(e => e.GetProperty("node").GetProperty("article").GetProperty("slug").GetString()!));
            var pageInfo = response.Data.GetProperty("search").GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
            await AddArticleAsync($"paging-{page++}", "خبر عاجل في أثناء التصفح");
        }
        while (after is not null);

        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.SupersetOf(all));
    }

    [Test]
    public async Task Paging_backward_gives_the_forward_order()
    {
        var forward = await SlugsAsync("الأردن");
        var response = await Client.PostAsync("""
            query { search(query: "الأردن", last: 2) { nodes { article { slug } } pageInfo { hasPreviousPage startCursor } } }
            """);
        var last = response.Data.GetProperty("search");
        var before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var earlier = await Client.PostAsync("query($before: String) { search(query: \"الأردن\", last: 5, before: $before) { nodes { article { slug } } } }", new { before });

        var backward = earlier.Data.GetProperty("search").GetProperty("nodes").EnumerateArray()
            .Concat(last.GetProperty("nodes").EnumerateArray())
            .Select(n => n.GetProperty("article").GetProperty("slug").GetString()).ToList();
        Assert.That(backward, Is.EqualTo(forward));
    }

    [Test]
    public async Task Newest_order_lists_matches_by_publication_time()
    {
        var slugs = await SlugsAsync("الأردن", order: "NEWEST");

        Assert.That(slugs, Is.EqualTo(new[] { "economy-meeting", "jordan-water", "alliance" }));
    }

    [Test]
    public async Task A_word_being_typed_finds_with_newest_order_and_filters_what_the_whole_word_finds()
    {
        var after = SearchCorpus.Start.AddMinutes(30).ToString("O");
        Assert.Multiple(async () =>
        {
            Assert.That(await SlugsAsync("الأرد", order: "NEWEST"), Is.EqualTo(await SlugsAsync("الأردن", order: "NEWEST")));
            Assert.That(await SlugsAsync("الأرد", where: new { publishedAfter = after }), Is.EquivalentTo(new[] { "jordan-water", "economy-meeting" }));
            Assert.That(await SlugsAsync("ترام", where: new { tags = new[] { "iran" } }, order: "NEWEST"), Is.EqualTo(new[] { "trump-iran" }));
            // A word that begins no stored term finds nothing, in either order, and counts nothing.
            Assert.That(await SlugsAsync("ظظظ", order: "NEWEST"), Is.Empty);
            var none = await SearchAsync("ظظظ", where: new { publishedAfter = after });
            Assert.That(none.Data.GetProperty("search").GetProperty("totalCount").GetInt32(), Is.Zero, none.Body);
        });
    }

    [Test]
    public async Task The_feed_filters_narrow_a_search()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await SlugsAsync("ترامب", where: new { tags = new[] { "iran" } }), Is.EqualTo(new[] { "trump-iran" }));
            Assert.That(await SlugsAsync("الأردن", where: new { publishedAfter = SearchCorpus.Start.AddMinutes(30).ToString("O") }), Is.EquivalentTo(new[] { "jordan-water", "economy-meeting" }));
            Assert.That(await SlugsAsync("الأردن", where: new { section = "no-such-section" }), Is.Empty);
        });
    }

    [Test]
    public async Task Asking_to_search_drafts_without_the_editor_role_is_forbidden()
    {
        var response = await SearchAsync("سوريا", where: new { status = new[] { "DRAFT" } });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }));
    }

    [Test]
    public async Task Total_count_counts_every_match()
    {
        var response = await SearchAsync("الأردن", first: 1);

        Assert.That(response.Data.GetProperty("search").GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
        Assert.That(Edges(response).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Scores_are_positive_and_best_first()
    {
        var response = await SearchAsync("الأردن");
        var scores = Edges(response).Select(e => e.GetProperty("node").GetProperty("score").GetDouble()).ToList();

        Assert.That(scores, Is.All.GreaterThan(0));
        Assert.That(scores, Is.Ordered.Descending);
    }

    [Test]
    public async Task A_cursor_from_another_connection_is_refused()
    {
        var articles = await Client.PostAsync("{ articles(first: 1) { pageInfo { endCursor } } }");
        var cursor = articles.Data.GetProperty("articles").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var response = await SearchAsync("الأردن", first: 1, after: cursor);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_CURSOR" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("!!! ؟؟ ...")]
    [TestCase("\"")]
    [TestCase("\"\"")]
    [TestCase("-")]
    [TestCase("-ترامب")]
    [TestCase("(((")]
    [TestCase("*")]
    public async Task A_query_with_nothing_to_look_for_gives_an_empty_result(string query)
    {
        var response = await SearchAsync(query);

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(Edges(response), Is.Empty);
        Assert.That(response.Data.GetProperty("search").GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [TestCase("\"* OR NEAR(")]
    [TestCase("سوريا\" OR 1=1 --")]
    [TestCase("'; DROP TABLE articles; --")]
    [TestCase("NEAR(سوريا ترامب, 2)")]
    [TestCase("سوريا* AND NOT ترامب")]
    [TestCase("title:سوريا ^ترامب {x} [y]")]
    [TestCase("سوريا & !ترامب | <-> :*")]
    [TestCase("%_\\")]
    [TestCase("\u0000سوريا\uE000\uE001")]
    [TestCase("-\"سوريا")]
    public async Task Query_syntax_of_the_stores_is_just_text(string query)
    {
        var response = await SearchAsync(query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("search").GetProperty("edges").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Array));
    }

    [Test]
    public async Task Store_operators_in_a_query_are_searched_as_words()
    {
        Assert.That(await SlugsAsync("\"* OR NEAR("), Is.EqualTo(new[] { "injection" }));
    }

    [TestCase(201)]
    [TestCase(10_000)]
    public async Task An_overlong_query_is_refused_with_a_clear_error(int length)
    {
        var response = await SearchAsync(new string('س', length));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
        Assert.That(response.Errors[0].GetProperty("message").GetString(), Does.Contain("200"));
    }

    [Test]
    public async Task A_query_of_too_many_words_is_refused_with_a_clear_error()
    {
        var response = await SearchAsync(string.Join(' ', Enumerable.Range(0, 21).Select(i => $"w{i}")));

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }

    [Test]
    public async Task A_page_size_over_100_is_refused_before_execution()
    {
        var response = await SearchAsync("سوريا", first: 101);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PAGE_SIZE_OUT_OF_RANGE" }));
    }

    [Test]
    public async Task Editing_an_article_updates_what_finds_it()
    {
        var id = await AddArticleAsync("edited", "بركان يثور في الجزيرة");
        Assert.That(await SlugsAsync("بركان"), Does.Contain("edited"));

        await using (var db = await CreateDbContextAsync())
        {
            var article = await db.Articles.AsTracking().SingleAsync(a => a.Id == id);
            article.Headline = "إعصار يضرب الساحل";
            article.Body = [new ArticleBlock { Kind = BlockKind.Quote, Text = "كان الوضع صعبا", Attribution = "شاهد عيان" }];
            await db.SaveChangesAsync();
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await SlugsAsync("بركان"), Does.Not.Contain("edited"));
            Assert.That(await SlugsAsync("إعصار"), Does.Contain("edited"));
            Assert.That(await SlugsAsync("شاهد عيان"), Does.Contain("edited"));
        });
    }

    [Test]
    public async Task A_word_being_typed_finds_words_first_written_after_start_up_whether_added_or_edited_in()
    {
        await AddArticleAsync("coined", "مصطلح زعفرانيات جديد");
        Assert.That(await SlugsAsync("زعفران"), Is.EqualTo(new[] { "coined" }));

        var id = await AddArticleAsync("edited-in", "خبر عن الطقس");
        await using (var db = await CreateDbContextAsync())
        {
            var article = await db.Articles.AsTracking().SingleAsync(a => a.Id == id);
            article.Headline = "خبر عن زعفرانة";
            await db.SaveChangesAsync();
        }

        Assert.That(await SlugsAsync("زعفران"), Is.EquivalentTo(new[] { "coined", "edited-in" }));
    }

    [Test]
    public async Task A_word_being_typed_that_begins_dozens_of_words_finds_every_one()
    {
        // رمز1 … رمز24 sort before رمزيات (digits before letters), so a list of the first few would miss it.
        await AddArticleAsync("many-codes", "رموز كثيرة", body: string.Join(' ', Enumerable.Range(1, 24).Select(i => $"رمز{i}")));
        await AddArticleAsync("symbolism", "رمزيات الشعر");

        Assert.That(await SlugsAsync("رمز"), Is.EquivalentTo(new[] { "many-codes", "symbolism" }));
    }

    [Test]
    public async Task Tagging_untagging_and_renaming_a_tag_update_what_finds_an_article()
    {
        var id = await AddArticleAsync("tagged", "خبر بلا وسوم");
        await using (var db = await CreateDbContextAsync())
        {
            db.Tags.Add(new Tag { Slug = "lebanon", Name = "لبنان", NameEn = "Lebanon", Kind = TagKind.Place, CreatedAt = SearchCorpus.Start });
            await db.SaveChangesAsync();
            var tagId = await db.Tags.Where(t => t.Slug == "lebanon").Select(t => t.Id).SingleAsync();
            db.ArticleTags.Add(new ArticleTag { ArticleId = id, TagId = tagId });
            await db.SaveChangesAsync();
        }

        Assert.That(await SlugsAsync("Lebanon"), Is.EqualTo(new[] { "tagged" }));

        await using (var db = await CreateDbContextAsync())
        {
            var tag = await db.Tags.AsTracking().SingleAsync(t => t.Slug == "lebanon");
            tag.NameEn = "Liban";
            await db.SaveChangesAsync();
        }

        Assert.That(await SlugsAsync("Liban"), Is.EqualTo(new[] { "tagged" }));
        Assert.That(await SlugsAsync("Lebanon"), Is.Empty);

        await using (var db = await CreateDbContextAsync())
        {
            await db.ArticleTags.Where(at => at.ArticleId == id).ExecuteDeleteAsync();
            var join = await db.ArticleTags.AsTracking().Where(at => at.ArticleId == id).ToListAsync();
            Assert.That(join, Is.Empty);
        }

        await using (var db = await CreateDbContextAsync())
        {
            var tagId = await db.Tags.Where(t => t.Slug == "lebanon").Select(t => t.Id).SingleAsync();
            db.ArticleTags.Add(new ArticleTag { ArticleId = id, TagId = tagId });
            await db.SaveChangesAsync();
            Assert.That(await SlugsAsync("Liban"), Is.EqualTo(new[] { "tagged" }));
            db.ArticleTags.Remove(await db.ArticleTags.AsTracking().SingleAsync(at => at.ArticleId == id));
            await db.SaveChangesAsync();
        }

        Assert.That(await SlugsAsync("Liban"), Is.Empty);
    }

    [Test]
    public async Task A_deleted_article_is_no_longer_found()
    {
        var id = await AddArticleAsync("deleted", "خسوف القمر الليلة");
        Assert.That(await SlugsAsync("خسوف"), Is.EqualTo(new[] { "deleted" }));

        await using (var db = await CreateDbContextAsync())
        {
            db.Articles.Remove(await db.Articles.AsTracking().SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        }

        Assert.That(await SlugsAsync("خسوف"), Is.Empty);
    }

    [Test]
    public async Task An_article_unpublished_or_moved_to_the_future_leaves_search_and_comes_back_when_published_again()
    {
        var id = await AddArticleAsync("eclipse", "كسوف كلي للشمس");
        Assert.That(await SlugsAsync("كسوف"), Is.EqualTo(new[] { "eclipse" }));

        await SetPublicationAsync(id, ArticleStatus.Draft, null);
        Assert.That(await SlugsAsync("كسوف"), Is.Empty, "unpublished");

        await SetPublicationAsync(id, ArticleStatus.Published, DateTime.UtcNow.AddDays(1));
        Assert.That(await SlugsAsync("كسوف"), Is.Empty, "published in the future");

        await SetPublicationAsync(id, ArticleStatus.Published, DateTime.UtcNow.AddMinutes(-1));
        Assert.Multiple(async () =>
        {
            Assert.That(await SlugsAsync("كسوف"), Is.EqualTo(new[] { "eclipse" }), "published again");
            Assert.That(await SlugsAsync("كسوف", order: "NEWEST"), Is.EqualTo(new[] { "eclipse" }), "published again, newest first");
        });
    }

    private async Task SetPublicationAsync(int id, ArticleStatus status, DateTime? publishedAt)
    {
        await using var db = await CreateDbContextAsync();
        var article = await db.Articles.AsTracking().SingleAsync(a => a.Id == id);
        article.Status = status;
        article.PublishedAt = publishedAt;
        await db.SaveChangesAsync();
    }

    private async Task<int> AddArticleAsync(string slug, string headline, string? body = null)
    {
        await using var db = await CreateDbContextAsync();
        var article = new Article
        {
            Slug = slug,
            Headline = headline,
            Status = ArticleStatus.Published,
            PublishedAt = DateTime.UtcNow.AddSeconds(-1),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Body = [new ArticleBlock { Kind = BlockKind.Paragraph, Text = body ?? headline }],
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }
}
