using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Statistics;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Statistics;

/// <summary>
/// A small known set of articles and ticker items in early March 2025, far from the sample content seeded "now",
/// counted over three Baghdad days (UTC+3 all year): 2025-03-01 00:00+03 to 2025-03-04 00:00+03. Every expected
/// number below is worked out by hand from the fixture, with the local times written beside each row.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class EditorialStatisticsTests(TestStore store) : StoreFixture(store)
{
    private const string From = "2025-02-28T21:00:00Z";
    private const string To = "2025-03-03T21:00:00Z";

    private const string StatisticsQuery = """
        query($from: DateTime!, $to: DateTime!, $first: Int) {
          statistics(from: $from, to: $to) {
            timeZone
            byStatus { status count }
            bySection { section { slug } count }
            byTag(first: $first) { tag { slug } count }
            byAuthor(first: $first) { author { slug } count }
            byDay { day count }
            byHour { hour count }
            cadence { published perDay averageMinutesBetween firstPublishedAt lastPublishedAt }
            tickerActivity { items perDay { day count } averageOnAirMinutes stillOnAir }
            articlesWithoutTags(first: 1) { totalCount articles { slug } }
            articlesWithoutRelated(first: 2) { totalCount articles { slug } }
          }
        }
        """;

    private GraphQLClient editor = null!;

    [OneTimeSetUp]
    public async Task SeedFixture()
    {
        editor = await ClientAsAsync(ApiRole.Editor);
        await using var db = await CreateDbContextAsync();
        var desk = new Section { Slug = "stats-desk", Name = "مكتب الإحصاء", Position = 90 };
        var economy = new Section { Slug = "stats-economy", Name = "اقتصاد الإحصاء", Position = 91 };
        db.Sections.AddRange(desk, economy);
        var w1 = new Author { Slug = "stats-writer-1", Name = "كاتب أول" };
        var w2 = new Author { Slug = "stats-writer-2", Name = "كاتب ثان" };
        db.Authors.AddRange(w1, w2);
        await db.SaveChangesAsync();

        // One save per tag so their ids (the tie-break in byTag) follow a, b, c.
        var tags = new List<Tag>();
        foreach (var slug in new[] { "stats-a", "stats-b", "stats-c" })
        {
            var tag = new Tag { Slug = slug, Name = "وسم " + slug, CreatedAt = Utc("2025-01-01T00:00:00Z") };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            tags.Add(tag);
        }

        var (a, b, c) = (tags[0], tags[1], tags[2]);

        //                 slug        status     created (UTC)            published (UTC)           local published  section   tags    authors
        var a1 = Article("stats-a1", ArticleStatus.Published, "2025-02-28T21:10:00Z", "2025-02-28T21:30:00Z", desk, [a, b], [w1]);       // 03-01 00:30
        var a2 = Article("stats-a2", ArticleStatus.Published, "2025-03-01T08:00:00Z", "2025-03-01T08:15:00Z", desk, [a], [w1, w2]);      // 03-01 11:15
        var a3 = Article("stats-a3", ArticleStatus.Published, "2025-03-02T20:00:00Z", "2025-03-02T20:59:00Z", economy, [a, c], [w2]);    // 03-02 23:59
        var a4 = Article("stats-a4", ArticleStatus.Published, "2025-03-02T20:30:00Z", "2025-03-02T21:00:00Z", null, [], [w1]);          // 03-03 00:00
        var a5 = Article("stats-a5", ArticleStatus.Draft, "2025-03-01T10:00:00Z", null, desk, [], []);
        var a6 = Article("stats-a6", ArticleStatus.Archived, "2025-03-01T08:30:00Z", "2025-03-01T09:00:00Z", desk, [b], [w1]);           // archived: not output
        var a7 = Article("stats-a7", ArticleStatus.Published, "2025-03-03T20:00:00Z", "2025-03-03T21:00:00Z", desk, [c], [w2]);          // 03-04 00:00 = `to`, excluded
        var a8 = Article("stats-a8", ArticleStatus.Published, "2025-02-28T20:00:00Z", "2025-02-28T20:59:00Z", desk, [a], [w1]);          // 02-28 23:59, before
        var a9 = Article("stats-a9", ArticleStatus.Scheduled, "2025-03-03T10:00:00Z", "2099-03-10T09:00:00Z", desk, [b], [w2]);      // far ahead, or the scheduler publishes it
        db.Articles.AddRange(a1, a2, a3, a4, a5, a6, a7, a8, a9);
        a3.RelatedLinks.Add(new RelatedLink { ToArticle = a2, Kind = RelatedKind.Curated, CreatedAt = Utc("2025-03-02T20:00:00Z") });

        //                        starts (UTC)            local              on air
        db.TickerItems.AddRange(
            Ticker("2025-02-28T21:00:00Z", TimeSpan.FromMinutes(90)),  // 03-01 00:00      90 min
            Ticker("2025-03-01T12:00:00Z", TimeSpan.FromMinutes(30)),  // 03-01 15:00      30 min
            Ticker("2025-03-03T20:59:59Z", null),                      // 03-03 23:59:59   still on air
            Ticker("2025-02-28T20:59:59Z", TimeSpan.FromMinutes(10))); // 02-28 23:59:59   before the range
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task Counts_by_status_cover_articles_created_in_the_range()
    {
        var statistics = await StatisticsAsync();

        // Created in range: a1..a7 and a9 (a8 was created before it).
        Assert.That(Pairs(statistics, "byStatus", "status"), Is.EqualTo(new[] { "DRAFT=1", "SCHEDULED=1", "PUBLISHED=5", "ARCHIVED=1" }));
    }

    [Test]
    public async Task Counts_by_section_tag_and_author_cover_articles_published_in_the_range()
    {
        var statistics = await StatisticsAsync();

        // Published in range: a1, a2, a3, a4 (a7 is at `to`, a8 before `from`, a6 archived, a9 scheduled).
        Assert.That(Pairs(statistics, "bySection", "section", "slug"), Is.EqualTo(new[] { "stats-desk=2", "stats-economy=1", "null=1" }));
        Assert.That(Pairs(statistics, "byTag", "tag", "slug"), Is.EqualTo(new[] { "stats-a=3", "stats-b=1", "stats-c=1" }));
        Assert.That(Pairs(statistics, "byAuthor", "author", "slug"), Is.EqualTo(new[] { "stats-writer-1=3", "stats-writer-2=2" }));
    }

    [Test]
    public async Task Most_used_tags_are_cut_at_first()
    {
        var statistics = await StatisticsAsync(first: 1);

        Assert.That(Pairs(statistics, "byTag", "tag", "slug"), Is.EqualTo(new[] { "stats-a=3" }));
        Assert.That(Pairs(statistics, "byAuthor", "author", "slug"), Is.EqualTo(new[] { "stats-writer-1=3" }));
    }

    [Test]
    public async Task Days_and_hours_are_the_newsrooms_wall_clock_not_utc()
    {
        var statistics = await StatisticsAsync();

        Assert.That(statistics.GetProperty("timeZone").GetString(), Is.EqualTo("Asia/Baghdad"));
        // a1 is 2025-02-28 in UTC but 03-01 00:30 in Baghdad; a4 is 03-02 21:00 UTC, 03-03 00:00 local.
        Assert.That(Pairs(statistics, "byDay", "day"), Is.EqualTo(new[] { "2025-03-01=2", "2025-03-02=1", "2025-03-03=1" }));
        var hours = Pairs(statistics, "byHour", "hour");
        Assert.That(hours, Has.Count.EqualTo(24));
        Assert.That(hours.Where(h => !h.EndsWith("=0", StringComparison.Ordinal)), Is.EqualTo(new[] { "0=2", "11=1", "23=1" }));
    }

    [Test]
    public async Task A_time_zone_argument_moves_the_buckets()
    {
        var response = await editor.PostAsync(
            "query($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to, timeZone: \"UTC\") { byDay { day count } byHour { hour count } } }",
            new { from = From, to = To });

        Assert.That(response.Errors, Is.Empty, response.Body);
        var statistics = response.Data.GetProperty("statistics");
        // In UTC the same four publications fall on 02-28 21:30, 03-01 08:15, 03-02 20:59 and 03-02 21:00.
        Assert.That(Pairs(statistics, "byDay", "day"), Is.EqualTo(new[] { "2025-02-28=1", "2025-03-01=1", "2025-03-02=2", "2025-03-03=0" }));
        Assert.That(Pairs(statistics, "byHour", "hour").Where(h => !h.EndsWith("=0", StringComparison.Ordinal)), Is.EqualTo(new[] { "8=1", "20=1", "21=2" }));
    }

    [Test]
    public async Task Cadence_is_the_count_over_the_days_and_the_mean_gap_between_publications()
    {
        var cadence = (await StatisticsAsync()).GetProperty("cadence");

        Assert.That(cadence.GetProperty("published").GetInt32(), Is.EqualTo(4));
        Assert.That(cadence.GetProperty("perDay").GetDouble(), Is.EqualTo(4 / 3.0).Within(1e-9));
        // 02-28 21:30Z to 03-02 21:00Z is 2 days less 30 minutes = 2,850 minutes over three gaps.
        Assert.That(cadence.GetProperty("averageMinutesBetween").GetDouble(), Is.EqualTo(950.0).Within(1e-9));
        Assert.That(cadence.GetProperty("firstPublishedAt").GetDateTime(), Is.EqualTo(Utc("2025-02-28T21:30:00Z")));
        Assert.That(cadence.GetProperty("lastPublishedAt").GetDateTime(), Is.EqualTo(Utc("2025-03-02T21:00:00Z")));
    }

    [Test]
    public async Task Ticker_activity_counts_items_per_local_day_and_averages_time_on_air_of_expired_items()
    {
        var ticker = (await StatisticsAsync()).GetProperty("tickerActivity");

        Assert.That(ticker.GetProperty("items").GetInt32(), Is.EqualTo(3));
        Assert.That(Pairs(ticker, "perDay", "day"), Is.EqualTo(new[] { "2025-03-01=2", "2025-03-02=0", "2025-03-03=1" }));
        Assert.That(ticker.GetProperty("averageOnAirMinutes").GetDouble(), Is.EqualTo(60.0).Within(1e-9), "(90 + 30) / 2");
        Assert.That(ticker.GetProperty("stillOnAir").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Articles_without_tags_or_related_stories_are_counted_and_the_newest_listed()
    {
        var statistics = await StatisticsAsync();

        // Created in range and not archived: a1, a2, a3, a4, a5, a7, a9. Untagged: a4, a5. Only a3 links a related story.
        var untagged = statistics.GetProperty("articlesWithoutTags");
        Assert.That(untagged.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(Slugs(untagged), Is.EqualTo(new[] { "stats-a4" }));
        var unrelated = statistics.GetProperty("articlesWithoutRelated");
        Assert.That(unrelated.GetProperty("totalCount").GetInt32(), Is.EqualTo(6));
        Assert.That(Slugs(unrelated), Is.EqualTo(new[] { "stats-a7", "stats-a9" }));
    }

    [Test]
    public async Task The_whole_statistics_query_costs_the_same_sql_commands_however_many_articles_there_are()
    {
        var june = ("2025-06-01T00:00:00Z", "2025-06-08T00:00:00Z");
        await AddBulkAsync(0, 3);
        SqlCommands.Reset();
        var few = await StatisticsAsync(range: june);
        var before = SqlCommands.Count;

        await AddBulkAsync(3, 60);
        SqlCommands.Reset();
        var many = await StatisticsAsync(range: june);
        var after = SqlCommands.Count;

        Assert.That(few.GetProperty("cadence").GetProperty("published").GetInt32(), Is.EqualTo(3));
        Assert.That(many.GetProperty("cadence").GetProperty("published").GetInt32(), Is.EqualTo(63));
        Assert.That(after, Is.EqualTo(before), string.Join('\n', SqlCommands.Commands));
        // One command per statistic, two for each gap list (count and page), one batch per loader of sections, tags,
        // authors and the caller's key lookup.
        Assert.That(after, Is.LessThanOrEqualTo(17), string.Join('\n', SqlCommands.Commands));
    }

    /// <summary>Published articles in June 2025, every 2.5 hours, each in a section, half of them tagged; a ticker item with each.</summary>
    private async Task AddBulkAsync(int start, int count)
    {
        await using var db = await CreateDbContextAsync();
        var section = await db.Sections.AsTracking().SingleAsync(s => s.Slug == "stats-desk");
        var tag = await db.Tags.AsTracking().SingleOrDefaultAsync(t => t.Slug == "stats-bulk") ?? new Tag { Slug = "stats-bulk", Name = "وسم كثير", CreatedAt = Utc("2025-01-01T00:00:00Z") };
        var author = await db.Authors.AsTracking().SingleOrDefaultAsync(a => a.Slug == "stats-bulk-writer") ?? new Author { Slug = "stats-bulk-writer", Name = "كاتب كثير" };
        for (var i = start; i < start + count; i++)
        {
            var at = Utc("2025-06-01T00:00:00Z").AddHours(i * 2.5);
            db.Articles.Add(Article($"stats-bulk-{i}", ArticleStatus.Published, at.ToString("O"), at.AddMinutes(5).ToString("O"), section, i % 2 == 0 ? [tag] : [], [author]));
            db.TickerItems.Add(Ticker(at.ToString("O"), TimeSpan.FromMinutes(i + 1)));
        }

        await db.SaveChangesAsync();
    }

    [TestCase(null, "UNAUTHENTICATED")]
    [TestCase(ApiRole.Partner, "FORBIDDEN")]
    public async Task Only_editors_and_admins_see_statistics(ApiRole? role, string code)
    {
        var response = await (await ClientAsAsync(role)).PostAsync("query($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to) { byStatus { count } } }", new { from = From, to = To });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { code }));
    }

    [Test]
    public async Task Admins_see_statistics_too()
    {
        var response = await (await ClientAsAsync(ApiRole.Admin)).PostAsync("query($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to) { cadence { published } } }", new { from = From, to = To });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("statistics").GetProperty("cadence").GetProperty("published").GetInt32(), Is.EqualTo(4));
    }

    [TestCase("2025-01-01T00:00:00Z", "2026-01-03T00:00:00Z")]
    [TestCase("2025-03-02T00:00:00Z", "2025-03-01T00:00:00Z")]
    [TestCase("2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z")]
    public async Task A_range_that_is_reversed_empty_or_longer_than_366_days_is_refused(string from, string to)
    {
        var response = await editor.PostAsync("query($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to) { byStatus { count } } }", new { from, to });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { ErrorCodes.InvalidDateRange }));
    }

    [Test]
    public async Task A_list_longer_than_100_is_refused()
    {
        var response = await editor.PostAsync("query($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to) { byTag(first: 101) { count } } }", new { from = From, to = To });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { ErrorCodes.PageSizeOutOfRange }));
    }

    [Test]
    public void A_daylight_saving_change_inside_the_range_splits_it_at_the_exact_instant()
    {
        // Berlin moves from UTC+1 to UTC+2 at 2025-03-30 01:00Z.
        var window = StatisticsWindow.Create(Utc("2025-03-29T00:00:00Z"), Utc("2025-04-01T00:00:00Z"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.That(window.Segments, Is.EqualTo(new[] { (1_743_206_400L, 3_600L), (1_743_296_400L, 7_200L) }));
        Assert.That(StatisticsWindow.Create(Utc(From), Utc(To), TimeZoneInfo.FindSystemTimeZoneById("Asia/Baghdad")).Segments, Is.EqualTo(new[] { (1_740_776_400L, 10_800L) }));
    }

    private async Task<JsonElement> StatisticsAsync(int? first = null, (string From, string To)? range = null)
    {
        var (from, to) = range ?? (From, To);
        var response = await editor.PostAsync(StatisticsQuery, new { from, to, first });
        Assert.That(response.Errors, Is.Empty, response.Body);
        return response.Data.GetProperty("statistics");
    }

    private static List<string> Pairs(JsonElement parent, string list, string key, string? inner = null) =>
    [
        .. parent.GetProperty(list).EnumerateArray().Select(entry =>
        {
            var value = entry.GetProperty(key);
            if (inner is not null && value.ValueKind == JsonValueKind.Object)
            {
                value = value.GetProperty(inner);
            }

            return $"{(value.ValueKind == JsonValueKind.Null ? "null" : value.ToString())}={entry.GetProperty("count").GetInt32()}";
        }),
    ];

    private static List<string> Slugs(JsonElement gap) => [.. gap.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!)];

    private static DateTime Utc(string at) => DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static Article Article(string slug, ArticleStatus status, string created, string? published, Section? section, Tag[] tags, Author[] authors)
    {
        var article = new Article
        {
            Slug = slug,
            Headline = "خبر " + slug,
            Status = status,
            CreatedAt = Utc(created),
            UpdatedAt = Utc(created),
            PublishedAt = published is null ? null : Utc(published),
            Section = section,
        };
        article.Tags.AddRange(tags.Select((tag, i) => new ArticleTag { Tag = tag, Position = i }));
        article.Authors.AddRange(authors.Select((author, i) => new ArticleAuthor { Author = author, Position = i }));
        return article;
    }

    private static TickerItem Ticker(string startsAt, TimeSpan? onAir) => new()
    {
        Headline = "عاجل " + startsAt,
        StartsAt = Utc(startsAt),
        ExpiresAt = onAir is { } length ? Utc(startsAt) + length : null,
        CreatedAt = Utc(startsAt),
        UpdatedAt = Utc(startsAt),
    };
}
