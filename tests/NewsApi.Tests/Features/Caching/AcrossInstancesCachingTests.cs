using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Caching;

/// <summary>
/// Two in-process servers on one PostgreSQL database, as behind a load balancer: instance B hears of A's writes only
/// through the database (LISTEN/NOTIFY on the event log), and that is enough to evict B's cached answers and to tell
/// B's subscribers.
/// </summary>
[TestFixture(TestStore.Postgres)]
public sealed class AcrossInstancesCachingTests(TestStore store) : StoreFixture(store)
{
    private const string HomeFeed = "{ articles(first: 5) { nodes { headline } } }";

    private readonly PurgeReceiver purgesOfB = PurgeReceiver.Start();
    private NewsApiFactory? instanceB;

    private NewsApiFactory InstanceB => instanceB!;

    [OneTimeSetUp]
    public void StartInstanceB() =>
        // B's fallback read of the log is pushed out of the test's reach: A's writes must reach it by NOTIFY.
        // Its purges are sent to the receiver, so the test knows when B has evicted its own cache.
        instanceB = NewsApiFactory.SharingStoreOf(Factory, new Dictionary<string, string?>
        {
            ["Live:FallbackPoll"] = "01:00:00",
            ["Caching:PurgeUrl"] = purgesOfB.Url.ToString(),
            ["Caching:PurgeRetryDelay"] = "00:00:00.050",
        });

    [OneTimeTearDown]
    public async Task StopInstanceB()
    {
        if (instanceB is not null)
        {
            await instanceB.DisposeAsync();
        }

        await purgesOfB.DisposeAsync();
    }

    [Test]
    public async Task An_article_published_through_instance_a_evicts_instance_b_cached_feed_and_reaches_b_subscribers()
    {
        using var readerOfB = InstanceB.CreateClient();
        var cached = await GetAsync(readerOfB, HomeFeed);
        InstanceB.SqlCommands.Reset();
        Assert.That(await GetAsync(readerOfB, HomeFeed), Is.EqualTo(cached));
        Assert.That(InstanceB.SqlCommands.Count, Is.Zero, "B answers the home feed from its own cache");

        await using var subscriberOfB = await GraphQLWebSocketClient.ConnectAndInitAsync(InstanceB);
        await subscriberOfB.SubscribeAsync("published", "subscription($since: String) { articlePublished(since: $since) { headline } }",
            new { since = (await LastEventIdAsync()).ToString(CultureInfo.InvariantCulture) });

        const string headline = "خبر نشر عبر النسخة الأولى";
        var editorOfA = await ClientAsAsync(ApiRole.Editor);
        var created = await editorOfA.PostAsync("mutation($headline: String!) { createArticle(input: { headline: $headline }) { article { id } } }", new { headline });
        var id = created.Data.GetProperty("createArticle").GetProperty("article").GetProperty("id").GetString();
        var published = await editorOfA.PostAsync("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }", new { input = new { id } });
        Assert.That(published.Body, Does.Contain("PUBLISHED"));

        using var message = await subscriberOfB.ReceiveAsync();
        Assert.That(message, Is.Not.Null, $"closed: {subscriberOfB.CloseStatus} {subscriberOfB.CloseReason}");
        Assert.That(message!.RootElement.GetProperty("payload").GetProperty("data").GetProperty("articlePublished").GetProperty("headline").GetString(),
            Is.EqualTo(headline));

        await purgesOfB.WaitForAsync("list:articles");
        Assert.That(await GetAsync(readerOfB, HomeFeed), Does.Contain(headline), "B's cached feed was evicted by A's write");
    }

    private async Task<long> LastEventIdAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await db.ContentEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static async Task<string> GetAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
