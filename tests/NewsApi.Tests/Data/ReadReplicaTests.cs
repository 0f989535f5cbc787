using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Data;

/// <summary>
/// A server on a PostgreSQL primary with a streaming replica of it (ConnectionStrings:NewsReplica): which server
/// answers what, told by the port each SQL command ran on. The primary and replica are this fixture's own, so no
/// other test pays for them or sees their replay paused.
/// </summary>
[TestFixture]
public sealed class ReadReplicaTests
{
    private const string HomeFeed = "{ articles(first: 5) { nodes { headline section { name } authors { name } tags { slug } } } }";

    private readonly SqlCommandPorts commands = new();
    private readonly RecoveryConflictInjector recoveryConflicts = new();
    private readonly PurgeReceiver purges = PurgeReceiver.Start();
    private PostgresServer? primary;
    private PostgresServer? replica;
    private NewsApiFactory? factory;
    private GraphQLClient? anonymous;
    private GraphQLClient? partner;
    private GraphQLClient? editor;

    private PostgresServer Primary => primary!;

    private PostgresServer Replica => replica!;

    [OneTimeSetUp]
    public async Task StartPrimaryReplicaAndServer()
    {
        if (!PostgresServer.CanReplicate)
        {
            Assert.Ignore("pg_basebackup is not installed, so no streaming replica can be made here.");
        }

        primary = await PostgresServer.StartOwnAsync();
        replica = await primary.StartReplicaAsync();
        var database = await primary.CreateDatabaseAsync();
        var onReplica = new NpgsqlConnectionStringBuilder(database) { Port = replica.Port }.ConnectionString;
        factory = NewsApiFactory.OnPostgres(database,
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:NewsReplica"] = onReplica,
                ["Caching:PurgeUrl"] = purges.Url.ToString(),
                ["Caching:PurgeRetryDelay"] = "00:00:00.050",
            },
            services =>
            {
                services.AddSingleton<IInterceptor>(commands);
                services.AddSingleton<IInterceptor>(recoveryConflicts);
            });
        anonymous = new GraphQLClient(factory.CreateClient());
        partner = ClientWithKey(await CreateKeyAsync(ApiRole.Partner));
        editor = ClientWithKey(await CreateKeyAsync(ApiRole.Editor));

        // Migrations and the sample content went to the primary; the replica serves them once it has replayed them.
        await primary.WaitForReplayAsync(replica);
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (replica is not null)
        {
            await replica.DisposeAsync();
        }

        if (primary is not null)
        {
            await primary.DisposeAsync();
        }

        await purges.DisposeAsync();
    }

    [Test]
    public async Task Anonymous_and_partner_queries_read_content_from_the_replica()
    {
        foreach (var client in new[] { anonymous!, partner! })
        {
            commands.Reset();
            var response = await client.PostAsync(HomeFeed);

            Assert.That(response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.EqualTo(5), response.Body);
            var content = ContentReads();
            Assert.That(content, Is.Not.Empty);
            Assert.That(content.Select(c => c.Port), Is.All.EqualTo(Replica.Port), Describe(content));
        }
    }

    [Test]
    public async Task An_editor_reads_its_own_write_at_once_and_a_partner_sees_it_once_the_replica_has_replayed_it()
    {
        await using var subscriber = await GraphQLWebSocketClient.ConnectAndInitAsync(factory!);
        await subscriber.SubscribeAsync("published", "subscription($since: String) { articlePublished(since: $since) { headline tags { slug } } }",
            new { since = (await LastEventIdAsync()).ToString(CultureInfo.InvariantCulture) });
        await using (var standby = await OpenAsync(Replica))
        {
            await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        }

        string slug;
        try
        {
            commands.Reset();
            var created = await editor!.PostAsync(
                "mutation($headline: String!) { createArticle(input: { headline: $headline, tagSlugs: [\"syria\"] }) { article { id slug } } }",
                new { headline = "خبر تقرؤه المحررة فورا" });
            var article = created.Data.GetProperty("createArticle").GetProperty("article");
            slug = article.GetProperty("slug").GetString()!;
            var published = await editor.PostAsync(
                "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }",
                new { input = new { id = article.GetProperty("id").GetString() } });
            Assert.That(published.Body, Does.Contain("PUBLISHED"));
            Assert.That(commands.Commands.Select(c => c.Port), Is.All.EqualTo(Primary.Port), "mutations write and read back on the primary");

            commands.Reset();
            var editorRead = await editor.PostAsync(ArticleBySlug, new { slug });
            Assert.That(Headline(editorRead), Is.EqualTo("خبر تقرؤه المحررة فورا"), "an editor reads its own write at once");
            Assert.That(commands.Commands.Select(c => c.Port), Is.All.EqualTo(Primary.Port));

            // The event came from the primary's log, so the subscription reads the article there, not behind it.
            using var message = await subscriber.ReceiveAsync();
            Assert.That(message, Is.Not.Null, $"closed: {subscriber.CloseStatus} {subscriber.CloseReason}");
            var announced = message!.RootElement.GetProperty("payload").GetProperty("data").GetProperty("articlePublished");
            Assert.That(announced.GetProperty("headline").GetString(), Is.EqualTo("خبر تقرؤه المحررة فورا"));
            Assert.That(announced.GetProperty("tags")[0].GetProperty("slug").GetString(), Is.EqualTo("syria"));

            // The replica's replay is paused: a partner reading now is answered from before the write.
            commands.Reset();
            var stale = await partner!.PostAsync(ArticleBySlug, new { slug });
            Assert.That(Headline(stale), Is.Null, stale.Body);
            Assert.That(ContentReads().Select(c => c.Port), Is.All.EqualTo(Replica.Port));
        }
        finally
        {
            await using var standby = await OpenAsync(Replica);
            await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        }

        await Primary.WaitForReplayAsync(Replica);
        var fresh = await partner.PostAsync(ArticleBySlug, new { slug });
        Assert.That(Headline(fresh), Is.EqualTo("خبر تقرؤه المحررة فورا"), "once replayed, partners see it too");
    }

    private async Task<long> LastEventIdAsync()
    {
        await using var db = await factory!.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.ContentEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    [Test]
    public async Task A_query_the_replica_cancels_while_replaying_is_retryable_and_stops_nobody_else()
    {
        recoveryConflicts.Port = Replica.Port;
        recoveryConflicts.Failures = 1;

        var cancelled = await anonymous!.PostAsync(HomeFeed);
        var editorsRead = await editor!.PostAsync(HomeFeed);
        commands.Reset();
        var next = await anonymous.PostAsync(HomeFeed);

        Assert.Multiple(() =>
        {
            Assert.That(recoveryConflicts.Failures, Is.Zero, "the conflict was met");
            Assert.That(cancelled.ErrorCodes, Is.Not.Empty.And.All.EqualTo("SERVICE_UNAVAILABLE"), "retryable, not a lost write: " + cancelled.Body);
            Assert.That(editorsRead.Errors, Is.Empty, "the server is not paused: " + editorsRead.Body);
            Assert.That(next.Errors, Is.Empty, next.Body);
            Assert.That(ContentReads().Select(c => c.Port), Is.Not.Empty.And.All.EqualTo(Replica.Port), "the replica stays in use");
        });
    }

    [Test]
    public async Task Readiness_checks_the_replica_too_and_reports_it_healthy()
    {
        using var http = factory!.CreateClient();
        using var ready = await http.GetAsync("/health/ready");

        Assert.That(ready.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task A_cached_anonymous_answer_is_evicted_once_the_replica_has_the_write_not_before()
    {
        using var http = factory!.CreateClient();
        var cached = await GetAsync(http, HomeFeed);
        purges.Clear();
        await using var subscriber = await GraphQLWebSocketClient.ConnectAndInitAsync(factory);
        await subscriber.SubscribeAsync("published", "subscription($since: String) { articlePublished(since: $since) { headline } }",
            new { since = (await LastEventIdAsync()).ToString(CultureInfo.InvariantCulture) });
        await using (var standby = await OpenAsync(Replica))
        {
            await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        }

        try
        {
            await PublishAsync("خبر لا يعلق قديمه في الذاكرة");
            using var message = await subscriber.ReceiveAsync();
            Assert.That(message, Is.Not.Null, "the server has seen the write");

            // The replica has not replayed it: evicting now would re-cache the old feed from it, so the old answer stays.
            Assert.That(await GetAsync(http, HomeFeed), Is.EqualTo(cached));
        }
        finally
        {
            await using var standby = await OpenAsync(Replica);
            await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        }

        await purges.WaitForAsync("list:articles");
        Assert.That(await GetAsync(http, HomeFeed), Does.Contain("خبر لا يعلق قديمه في الذاكرة"));
    }

    private async Task PublishAsync(string headline)
    {
        var created = await editor!.PostAsync(
            "mutation($headline: String!) { createArticle(input: { headline: $headline }) { article { id } } }", new { headline });
        var id = created.Data.GetProperty("createArticle").GetProperty("article").GetProperty("id").GetString();
        var published = await editor.PostAsync(
            "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }", new { input = new { id } });
        Assert.That(published.Body, Does.Contain("PUBLISHED"));
    }

    private static async Task<string> GetAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private const string ArticleBySlug = "query($slug: String!) { article(slug: $slug) { headline } }";

    private static string? Headline(GraphQLResponse response) =>
        response.Data.GetProperty("article") is { ValueKind: System.Text.Json.JsonValueKind.Object } article
            ? article.GetProperty("headline").GetString()
            : null;

    /// <summary>The commands that read content (the key lookup authenticating a partner is the primary's, by design).</summary>
    private List<(int Port, string Sql)> ContentReads() =>
        [.. commands.Commands.Where(c => !c.Sql.Contains("api_keys", StringComparison.Ordinal))];

    private static string Describe(IEnumerable<(int Port, string Sql)> commands) =>
        string.Join("\n", commands.Select(c => $"{c.Port}: {c.Sql}"));

    private GraphQLClient ClientWithKey(string key)
    {
        var http = factory!.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new GraphQLClient(http);
    }

    private Task<string> CreateKeyAsync(ApiRole role) => factory!.CreateKeyAsync($"replica-{role}", role);

    private static async Task<NpgsqlConnection> OpenAsync(PostgresServer server)
    {
        var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Cancels the next <see cref="Failures"/> queries sent to <see cref="Port"/> as a hot standby does when replaying
    /// the primary's changes conflicts with them: SQLSTATE 40001, "conflict with recovery".
    /// </summary>
    private sealed class RecoveryConflictInjector : DbCommandInterceptor
    {
        private int failures;

        public int Port { get; set; }

        public int Failures
        {
            get => Volatile.Read(ref failures);
            set => Volatile.Write(ref failures, value);
        }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (new NpgsqlConnectionStringBuilder(command.Connection?.ConnectionString).Port == Port)
            {
                if (Interlocked.Decrement(ref failures) >= 0)
                {
                    throw new PostgresException("canceling statement due to conflict with recovery", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
                }

                // None was due: put the count back.
                Interlocked.Increment(ref failures);
            }

            return ValueTask.FromResult(result);
        }
    }
}
