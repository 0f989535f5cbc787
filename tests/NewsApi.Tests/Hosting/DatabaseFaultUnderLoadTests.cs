using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Tickers;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;
using Npgsql;

namespace NewsApi.Tests.Hosting;

/// <summary>
/// Every PostgreSQL backend of the server's database is terminated while clients read and write: no 500s, the server
/// serves again by itself, no mutation is half-written (nor without its audit entry), and live subscribers hear of changes made afterwards.
/// </summary>
[NonParallelizable]
public sealed class DatabaseFaultUnderLoadTests
{
    private const string CreateArticle = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } userErrors { code } } }";
    private const string CreateTicker = "mutation($input: CreateTickerItemInput!) { createTickerItem(input: $input) { tickerItem { id } userErrors { code } } }";
    private const string Read = "{ ticker(first: 5) { headline } articles(first: 5) { nodes { slug headline tags { slug } } } }";

    [Test]
    [CancelAfter(120_000)]
    public async Task Terminating_every_backend_under_load_gives_no_500s_recovers_by_itself_and_leaves_no_partial_write()
    {
        await using var factory = await NewsApiFactory.CreateAsync(TestStore.Postgres, new Dictionary<string, string?>
        {
            // Live events must come by NOTIFY over the listener's new connection, not by the fallback read.
            ["Live:FallbackPoll"] = "01:00:00",
        });
        var key = await CreateEditorKeyAsync(factory);
        var outcomes = new ConcurrentBag<(string Marker, string Kind, bool Succeeded, HttpStatusCode Status, IReadOnlyList<string?> Codes, DateTime At)>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            using var http = factory.CreateClient();
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var client = new GraphQLClient(http);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var marker = FormattableString.Invariant($"fault-{worker}-{n}");
                var (kind, response) = (n % 3) switch
                {
                    0 => ("read", await client.PostAsync(Read)),
                    1 => ("article", await client.PostAsync(CreateArticle, new { input = new { headline = "خبر تحت العطل " + marker, tagSlugs = new[] { "iraq", "syria" } } })),
                    _ => ("ticker", await client.PostAsync(CreateTicker, new { input = new { headline = "عاجل تحت العطل " + marker } })),
                };
                var succeeded = response.StatusCode == HttpStatusCode.OK && response.Errors.Count == 0
                    && (kind == "read" || response.Data.EnumerateObject().First().Value.GetProperty("userErrors").GetArrayLength() == 0);
                outcomes.Add((marker, kind, succeeded, response.StatusCode, response.ErrorCodes, DateTime.UtcNow));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var terminated = 0;
        for (var round = 0; round < 3; round++)
        {
            terminated += await TerminateBackendsAsync(factory.ConnectionString);
            await Task.Delay(300);
        }

        var lastTermination = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = outcomes.ToList();
        var failures = all.Where(o => !o.Succeeded).ToList();
        var firstSuccessAfter = all.Where(o => o.Succeeded && o.At > lastTermination).Select(o => (DateTime?)o.At).Min();
        TestContext.Out.WriteLine($"{all.Count} requests, {terminated} backends terminated, {failures.Count} failed: "
            + string.Join(", ", failures.GroupBy(f => $"{(int)f.Status} {string.Join('+', f.Codes)}").Select(g => $"{g.Key} x{g.Count()}")));
        TestContext.Out.WriteLine($"first success {(firstSuccessAfter - lastTermination)?.TotalMilliseconds:0} ms after the last termination");

        Assert.That(terminated, Is.GreaterThan(0));
        Assert.That(all.Select(o => o.Status), Is.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(failures.SelectMany(f => f.Codes), Is.All.EqualTo("SERVICE_UNAVAILABLE"));
        Assert.That(firstSuccessAfter - lastTermination, Is.Not.Null.And.LessThan(TimeSpan.FromSeconds(30)));

        // Every mutation is all or nothing: a success fully there, a failure not there at all.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        foreach (var (marker, kind, succeeded, _, codes, _) in all.Where(o => o.Kind != "read"))
        {
            if (kind == "article")
            {
                var article = await db.Articles.Where(a => a.Headline.EndsWith(" " + marker))
                    .Select(a => new { a.Id, Tags = a.Tags.Count, Revisions = db.ArticleRevisions.Count(r => r.ArticleId == a.Id) })
                    .ToListAsync();
                Assert.That(article, Has.Count.EqualTo(succeeded ? 1 : 0), $"{marker} {string.Join('+', codes)}");
                if (succeeded)
                {
                    Assert.That((article[0].Tags, article[0].Revisions, await OkEntriesAsync(db, ArticleGraphType.TypeName, article[0].Id)), Is.EqualTo((2, 1, 1)), marker);
                }
            }
            else
            {
                var items = await db.TickerItems.Where(t => t.Headline.EndsWith(" " + marker)).Select(t => t.Id).ToListAsync();
                Assert.That(items, Has.Count.EqualTo(succeeded ? 1 : 0), $"{marker} {string.Join('+', codes)}");
                if (succeeded)
                {
                    var id = items[0];
                    Assert.That(await db.ContentEvents.CountAsync(e => e.Kind == ContentEventKind.TickerAdded && e.EntityId == id), Is.EqualTo(1), marker);
                    Assert.That(await OkEntriesAsync(db, TickerItemGraphType.TypeName, id), Is.EqualTo(1), marker);
                }
            }
        }

        // The audit entry commits with its change: one "ok" per success above, none for a change that rolled back.
        var okEntries = await db.AuditEntries.CountAsync(e => e.ActorName == "fault-editor" && e.Outcome == "ok");
        Assert.That(okEntries, Is.EqualTo(all.Count(o => o.Kind != "read" && o.Succeeded)));

        // The listener lost its connection too: it must have reconnected for a subscriber to hear of a new item.
        var last = await db.ContentEvents.MaxAsync(e => (long?)e.Id) ?? 0;
        await using var subscriber = await GraphQLWebSocketClient.ConnectAndInitAsync(factory);
        await subscriber.SubscribeAsync("after", "subscription($since: String) { tickerChanged(since: $since) { kind item { headline } } }",
            new { since = last.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using (var http = factory.CreateClient())
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var created = await new GraphQLClient(http).PostAsync(CreateTicker, new { input = new { headline = "بعد التعافي" } });
            Assert.That(created.Errors, Is.Empty, created.Body);
        }

        using var next = await subscriber.ReceiveAsync();
        Assert.That(next, Is.Not.Null, $"closed: {subscriber.CloseStatus} {subscriber.CloseReason}");
        var change = next!.RootElement.GetProperty("payload").GetProperty("data").GetProperty("tickerChanged");
        Assert.That(change.GetProperty("item").GetProperty("headline").GetString(), Is.EqualTo("بعد التعافي"));
    }

    private static Task<int> OkEntriesAsync(NewsDbContext db, string typeName, int id)
    {
        var target = GlobalId.Encode(typeName, id);
        return db.AuditEntries.CountAsync(e => e.TargetId == target && e.Outcome == "ok");
    }

    private static async Task<int> TerminateBackendsAsync(string connectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<string> CreateEditorKeyAsync(NewsApiFactory factory) => factory.CreateKeyAsync("fault-editor", ApiRole.Editor);
}
