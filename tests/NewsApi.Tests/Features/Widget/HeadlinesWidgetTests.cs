using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Widget;

/// <summary>The headlines widget in a real browser (Debian's Chromium), embedded in a page of another origin, as a partner would.</summary>
[NonParallelizable]
[TestFixture(TestStore.Sqlite)]
public sealed class HeadlinesWidgetTests(TestStore store) : StoreFixture(store)
{
    [Test]
    [CancelAfter(180_000)]
    public async Task A_partner_page_shows_the_latest_headlines_right_to_left(CancellationToken cancellationToken)
    {
        await EcosystemClients.EnsureInstalledAsync("playwright-core", cancellationToken);

        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString);
        var output = await EcosystemClients.RunAsync("node", ["widget-check.mjs", server.Address.AbsoluteUri, "3"], cancellationToken);

        using var seen = JsonDocument.Parse(output);
        var root = seen.RootElement;
        Assert.That(root.GetProperty("state").GetString(), Is.EqualTo("ready"), output);
        Assert.That(root.GetProperty("origin").GetString(), Is.Not.EqualTo(server.Address.GetLeftPart(UriPartial.Authority)), "the page is another site");
        Assert.That(root.GetProperty("dir").GetString(), Is.EqualTo("rtl"));
        Assert.That(root.GetProperty("direction").GetString(), Is.EqualTo("rtl"), "the browser lays the box out right to left");
        Assert.That(root.GetProperty("lang").GetString(), Is.EqualTo("ar"));
        Assert.That(root.GetProperty("headlines").EnumerateArray().Select(h => h.GetProperty("text").GetString()), Is.EqualTo(await NewestHeadlinesAsync(3)));
        Assert.That(root.GetProperty("headlines").EnumerateArray().Select(h => h.GetProperty("href").GetString()), Is.All.StartsWith("https://"));
    }

    private async Task<List<string>> NewestHeadlinesAsync(int count)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        return await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count).Select(a => a.Headline).ToListAsync();
    }
}
