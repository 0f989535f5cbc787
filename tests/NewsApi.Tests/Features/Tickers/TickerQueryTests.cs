using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Tickers;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TickerQueryTests(TestStore store) : StoreFixture(store)
{
    // The five items of the sample page's "اخر الاخبار" block, in the page's order.
    private static readonly string[] SamplePageHeadlines =
    [
        "الكعبي: يجب إخراج القوات الأمريكية من العراق.. الهجوم على إيران لن يمر دون حساب",
        "إسرائيل: لا نسعى لاستهداف خامنئي بل إيقاف برنامج إيران النووي فقط",
        "ترامب يعترف: كنّا على علم بخطة إسرائيل لضرب إيران",
        "“جريمة اليوم لن تبقى بلا رد”.. محمد باكبور: أبواب جهنم ستفتح على الكيان القاتل للأطفال",
        "إسرائيل تدعو رعاياها في العالم إلى عدم كشف جنسيتهم أو عرض رموز يهودية",
    ];

    [Test]
    public async Task Ticker_lists_the_sample_pages_five_headlines_in_the_pages_order()
    {
        var response = await Client.PostAsync("{ ticker { headline } }");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Body);
        var headlines = response.Data.GetProperty("ticker").EnumerateArray().Select(t => t.GetProperty("headline").GetString()).ToList();
        Assert.That(headlines, Is.EqualTo(SamplePageHeadlines));
    }

    [Test]
    public async Task Ticker_excerpts_keep_the_editors_ellipsis_and_carry_rtl_direction()
    {
        var response = await Client.PostAsync("{ ticker(first: 1) { excerpt lang dir article { headline } } }");

        var item = response.Data.GetProperty("ticker")[0];
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("excerpt").GetString(), Is.EqualTo("دعا الأمين العام للمقاومة الإسلامية/ حركة النجباء الشيخ اكرم..."));
            Assert.That(item.GetProperty("lang").GetString(), Is.EqualTo("ar"));
            Assert.That(item.GetProperty("dir").GetString(), Is.EqualTo("RTL"));
            Assert.That(item.GetProperty("article").GetProperty("headline").GetString(), Is.EqualTo(SamplePageHeadlines[0]));
        });
    }

    [Test]
    public async Task Items_with_their_articles_keep_the_tickers_order_and_show_only_articles_readers_may_see()
    {
        await using var db = await CreateDbContextAsync();
        var linked = await db.TickerItems.Where(t => t.ArticleId != null && t.Headline == SamplePageHeadlines[1]).Select(t => t.ArticleId!.Value).SingleAsync();
        var publishedAt = await db.Articles.Where(a => a.Id == linked).Select(a => a.PublishedAt).SingleAsync();
        await db.Articles.Where(a => a.Id == linked).ExecuteUpdateAsync(a => a.SetProperty(x => x.PublishedAt, DateTime.UtcNow.AddDays(1)));
        GraphQLResponse response;
        try
        {
            response = await Client.PostAsync("{ ticker { headline article { slug headline } } }");
        }
        finally
        {
            await db.Articles.Where(a => a.Id == linked).ExecuteUpdateAsync(a => a.SetProperty(x => x.PublishedAt, publishedAt));
        }

        var items = response.Data.GetProperty("ticker").EnumerateArray().ToList();
        var expected = await db.TickerItems.Where(t => SamplePageHeadlines.Contains(t.Headline))
            .Select(t => new { t.Headline, Slug = t.Article == null ? null : t.Article.Slug })
            .ToDictionaryAsync(t => t.Headline, t => t.Slug);
        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(items.Select(i => i.GetProperty("headline").GetString()), Is.EqualTo(SamplePageHeadlines));
        Assert.That(items[1].GetProperty("article").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "its article is not published yet");
        foreach (var item in items.Where((_, index) => index != 1))
        {
            var headline = item.GetProperty("headline").GetString()!;
            var shown = item.GetProperty("article");
            Assert.That(shown.ValueKind == System.Text.Json.JsonValueKind.Null ? null : shown.GetProperty("slug").GetString(), Is.EqualTo(expected[headline]), headline);
        }
    }

    [Test]
    public async Task Expired_and_not_yet_started_items_are_never_on_the_ticker()
    {
        var response = await Client.PostAsync("{ ticker(first: 100) { headline } }");

        var headlines = response.Data.GetProperty("ticker").EnumerateArray().Select(t => t.GetProperty("headline").GetString()).ToList();
        await using var db = await CreateDbContextAsync();
        var offAir = await db.TickerItems.Where(t => t.StartsAt > DateTime.UtcNow || t.ExpiresAt <= DateTime.UtcNow).Select(t => t.Headline).ToListAsync();
        Assert.That(offAir, Is.Not.Empty, "the sample content has items off the air");
        Assert.That(headlines.Intersect(offAir), Is.Empty);
        Assert.That(headlines, Has.Count.EqualTo(SamplePageHeadlines.Length));
    }

    [Test]
    public async Task An_urgent_item_goes_before_newer_normal_items()
    {
        await using (var db = await CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            db.TickerItems.Add(new TickerItem
            {
                Headline = "عاجل: اختبار أولوية الشريط",
                Priority = TickerPriority.Urgent,
                StartsAt = now.AddHours(-3),
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        try
        {
            var response = await Client.PostAsync("{ ticker(first: 2) { headline priority } }");
            var first = response.Data.GetProperty("ticker")[0];
            Assert.That(first.GetProperty("priority").GetString(), Is.EqualTo("URGENT"));
            Assert.That(first.GetProperty("headline").GetString(), Is.EqualTo("عاجل: اختبار أولوية الشريط"));
        }
        finally
        {
            await using var db = await CreateDbContextAsync();
            await db.TickerItems.Where(t => t.Headline == "عاجل: اختبار أولوية الشريط").ExecuteDeleteAsync();
        }
    }

    [TestCase(101)]
    [TestCase(-1)]
    public async Task Ticker_refuses_sizes_outside_the_limit_before_touching_the_database(int first)
    {
        SqlCommands.Reset();
        var response = await Client.PostAsync("query($n: Int) { ticker(first: $n) { headline } }", new { n = first });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PAGE_SIZE_OUT_OF_RANGE" }));
        Assert.That(SqlCommands.Count, Is.Zero);
    }
}
