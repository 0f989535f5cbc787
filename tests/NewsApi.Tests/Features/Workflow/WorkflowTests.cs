using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsApi.Data.Entities;
using NewsApi.Features.Workflow;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Workflow;

/// <summary>Scheduled publishing and ticker expiry, with the server's clock moved by the test instead of waited for.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class WorkflowTests(TestStore store) : StoreFixture(store)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    [Test]
    public async Task A_scheduled_article_publishes_itself_when_the_clock_reaches_its_time()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation { createArticle(input: { headline: \"خبر ينشر لاحقا\" }) { article { id slug } userErrors { code } } }");
        var article = created.Data.GetProperty("createArticle").GetProperty("article");
        var at = clock.GetUtcNow().UtcDateTime.AddHours(1);
        var scheduled = await editor.PostAsync(
            "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } userErrors { code message } } }",
            new { input = new { id = article.GetProperty("id").GetString(), at } });
        Assert.That(scheduled.Data.GetProperty("publishArticle").GetProperty("article").GetProperty("status").GetString(), Is.EqualTo("SCHEDULED"), scheduled.Body);
        var slug = article.GetProperty("slug").GetString();

        clock.Advance(TimeSpan.FromMinutes(59));
        await Factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);
        Assert.That(await PublicHeadlineAsync(slug), Is.Null, "not before its time");

        clock.Advance(TimeSpan.FromMinutes(2));
        var headline = await EventuallyAsync(() => PublicHeadlineAsync(slug));

        Assert.That(headline, Is.EqualTo("خبر ينشر لاحقا"));
        await using var db = await CreateDbContextAsync();
        var id = GlobalId.Expect("Article", article.GetProperty("id").GetString()!);
        var stored = await db.Articles.SingleAsync(a => a.Id == id);
        var revision = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Version).FirstAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(ArticleStatus.Published));
            Assert.That(stored.PublishedAt, Is.EqualTo(at).Within(TimeSpan.FromMilliseconds(1)), "published at the time it was scheduled for");
            Assert.That(stored.Version, Is.EqualTo(3));
            Assert.That(revision.Operation, Is.EqualTo(ScheduledPublisher.Operation));
            Assert.That(revision.ActorName, Is.Null);
        });
    }

    [Test]
    public async Task A_ticker_item_leaves_the_air_when_the_clock_passes_its_expiry_and_a_later_one_comes_on()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var now = clock.GetUtcNow().UtcDateTime;
        const string create = "mutation($input: CreateTickerItemInput!) { createTickerItem(input: $input) { userErrors { code message } } }";
        var expiring = await editor.PostAsync(create, new { input = new { headline = "عاجل ينتهي بعد عشر دقائق", priority = "URGENT", expiresAt = now.AddMinutes(10) } });
        var later = await editor.PostAsync(create, new { input = new { headline = "عاجل يبدأ بعد ربع ساعة", priority = "URGENT", startsAt = now.AddMinutes(15) } });
        Assert.That(expiring.Errors.Concat(later.Errors), Is.Empty, expiring.Body + later.Body);

        var before = await TickerAsync();
        clock.Advance(TimeSpan.FromMinutes(11));
        var between = await TickerAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        var after = await TickerAsync();

        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain("عاجل ينتهي بعد عشر دقائق").And.Not.Contain("عاجل يبدأ بعد ربع ساعة"));
            Assert.That(between, Does.Not.Contain("عاجل ينتهي بعد عشر دقائق").And.Not.Contain("عاجل يبدأ بعد ربع ساعة"));
            Assert.That(after, Does.Contain("عاجل يبدأ بعد ربع ساعة"));
        });
    }

    [Test]
    public async Task Expiring_a_ticker_item_takes_it_off_the_air_at_once()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation { createTickerItem(input: { headline: \"عاجل يسحب\" }) { tickerItem { id } } }");
        Assert.That(created.Errors, Is.Empty, created.Body);
        var id = created.Data.GetProperty("createTickerItem").GetProperty("tickerItem").GetProperty("id").GetString();
        Assert.That(await TickerAsync(), Does.Contain("عاجل يسحب"));

        var expired = await editor.PostAsync("mutation($id: ID!) { expireTickerItem(input: { id: $id }) { tickerItem { expiresAt } userErrors { code } } }", new { id });

        Assert.That(expired.Errors, Is.Empty, expired.Body);
        Assert.That(expired.Data.GetProperty("expireTickerItem").GetProperty("tickerItem").ValueKind, Is.EqualTo(JsonValueKind.Object), expired.Body);
        Assert.That(await TickerAsync(), Does.Not.Contain("عاجل يسحب"));
    }

    private async Task<string?> PublicHeadlineAsync(string? slug)
    {
        var response = await Client.PostAsync("query($slug: String) { article(slug: $slug) { headline } }", new { slug });
        var article = response.Data.GetProperty("article");
        return article.ValueKind == JsonValueKind.Null ? null : article.GetProperty("headline").GetString();
    }

    private async Task<List<string?>> TickerAsync()
    {
        var response = await Client.PostAsync("{ ticker(first: 100) { headline } }");
        return [.. response.Data.GetProperty("ticker").EnumerateArray().Select(t => t.GetProperty("headline").GetString())];
    }

    /// <summary>The background round runs on its own task once the fake clock fires its timer; give it a moment.</summary>
    private static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await probe();
            if (value is not null || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
