using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Security;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.PersistedDocuments;

/// <summary>Apollo's automatic persisted queries, trusted documents by id and the per-key allowlist, as a client sees them.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class PersistedDocumentsTests(TestStore store) : StoreFixture(store)
{
    private const string TickerQuery = "{ ticker(first: 2) { headline } }";

    [Test]
    public async Task An_unknown_hash_is_persisted_query_not_found_then_the_retry_with_the_query_registers_it_for_the_next_hash_only_call()
    {
        var query = "{ ticker(first: 1) { headline } } # " + Guid.NewGuid().ToString("N");
        var hash = Hash(query);

        var (miss, missHeaders) = await PostAsync(Apq(hash));
        Assert.That(miss.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(miss.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_QUERY_NOT_FOUND" }));
        Assert.That(miss.Errors[0].GetProperty("message").GetString(), Is.EqualTo("PersistedQueryNotFound"));
        Assert.That(missHeaders.CacheControl?.ToString(), Is.EqualTo("no-store, private").Or.EqualTo("private, no-store"));

        var (retry, _) = await PostAsync(Apq(hash, query));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), retry.Body);
        Assert.That(retry.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(1));

        var (hit, _) = await PostAsync(Apq(hash));
        Assert.That(hit.StatusCode, Is.EqualTo(HttpStatusCode.OK), hit.Body);
        Assert.That(hit.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Apq_works_over_get_and_a_miss_is_200_in_legacy_application_json()
    {
        var query = "{ ticker(first: 2) { headline } } # " + Guid.NewGuid().ToString("N");
        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } }));

        var (legacyMiss, headers) = await GetAsync($"/graphql?extensions={extensions}", "application/json");
        Assert.That(legacyMiss.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(legacyMiss.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_QUERY_NOT_FOUND" }));
        Assert.That(headers.CacheControl?.NoStore, Is.True);

        var (register, _) = await GetAsync($"/graphql?query={Uri.EscapeDataString(query)}&extensions={extensions}");
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.OK), register.Body);

        var (hit, _) = await GetAsync($"/graphql?extensions={extensions}");
        Assert.That(hit.StatusCode, Is.EqualTo(HttpStatusCode.OK), hit.Body);
        Assert.That(hit.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_hash_that_is_not_the_querys_is_refused_and_nothing_is_registered()
    {
        var query = "{ ticker(first: 1) { headline } } # " + Guid.NewGuid().ToString("N");
        var wrong = Hash(query + " ");

        var (mismatch, _) = await PostAsync(Apq(wrong, query));
        Assert.That(mismatch.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(mismatch.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_QUERY_HASH_MISMATCH" }));

        var (after, _) = await PostAsync(Apq(wrong));
        Assert.That(after.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_QUERY_NOT_FOUND" }));
    }

    [Test]
    public async Task An_unsupported_apq_version_is_refused_with_its_own_code()
    {
        var body = JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 2, sha256Hash = Hash(TickerQuery) } } });

        var (response, _) = await PostAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_QUERY_VERSION_NOT_SUPPORTED" }));
    }

    [Test]
    public async Task A_trusted_document_runs_by_id_over_post_and_get()
    {
        var id = TrustedId("Ticker.graphql");

        var (post, _) = await PostAsync(JsonSerializer.Serialize(new { documentId = id, variables = new { first = 3 } }));
        var (get, _) = await GetAsync($"/graphql?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString("{\"first\":2}")}");

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK), post.Body);
        Assert.That(post.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(3));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK), get.Body);
        Assert.That(get.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(2));
    }

    [TestCase("HomeFeed.graphql", "{}")]
    [TestCase("Ticker.graphql", "{}")]
    [TestCase("Search.graphql", "{\"query\":\"العراق\"}")]
    [TestCase("TagPage.graphql", "{\"slug\":\"العراق\"}")]
    [TestCase("ArticlePage.graphql", "{\"slug\":\"no-such-article\"}")]
    public async Task Every_shipped_trusted_document_is_valid_against_the_schema(string file, string variables)
    {
        var (response, _) = await PostAsync($$"""{"documentId":"{{TrustedId(file)}}","variables":{{variables}}}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Body);
        Assert.That(response.Errors, Is.Empty, response.Body);
    }

    [Test]
    public async Task An_unknown_document_id_is_persisted_document_not_found_and_not_cacheable()
    {
        var (response, headers) = await PostAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + Hash("{ nothing }") }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_NOT_FOUND" }));
        Assert.That(headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task A_trusted_documents_only_key_gets_persisted_document_required_for_a_free_form_query_and_cannot_register_one()
    {
        var key = await CreateKeyAsync(ApiRole.Partner, trustedOnly: true);
        var partner = ClientWithKey(key);
        var query = "{ ticker(first: 1) { headline } } # " + Guid.NewGuid().ToString("N");

        var freeForm = await partner.PostAsync(TickerQuery);
        var registration = await partner.PostJsonAsync(Apq(Hash(query), query));
        var byHash = await partner.PostJsonAsync(Apq(Hash(query)));
        var trusted = await partner.PostJsonAsync(JsonSerializer.Serialize(new { documentId = TrustedId("Ticker.graphql") }));

        Assert.That(freeForm.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(freeForm.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        Assert.That(freeForm.Root.TryGetProperty("data", out _), Is.False, "refused before execution");
        Assert.That(registration.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        Assert.That(byHash.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        Assert.That(trusted.StatusCode, Is.EqualTo(HttpStatusCode.OK), trusted.Body);
        Assert.That(trusted.Data.GetProperty("ticker").GetArrayLength(), Is.GreaterThan(0));

        // The document the anonymous APQ test registered is still not this caller's to run.
        var anonymous = await Client.PostJsonAsync(Apq(Hash(query), query));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK), anonymous.Body);
        Assert.That((await partner.PostJsonAsync(Apq(Hash(query)))).ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
    }

    [Test]
    public async Task A_trusted_documents_only_key_may_send_a_trusted_documents_hash_as_apq()
    {
        var partner = ClientWithKey(await CreateKeyAsync(ApiRole.Partner, trustedOnly: true));

        var response = await partner.PostJsonAsync(Apq(TrustedId("Ticker.graphql")["sha256:".Length..]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Body);
    }

    [Test]
    public async Task Over_websocket_a_trusted_documents_only_key_may_run_trusted_documents_by_id_and_nothing_else()
    {
        var key = await CreateKeyAsync(ApiRole.Partner, trustedOnly: true);
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(Factory);
        await socket.SendAsync(new { type = "connection_init", payload = new { apiKey = key } });
        using (var ack = await socket.ReceiveAsync())
        {
            Assert.That(ack?.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"));
        }

        await socket.SubscribeAsync("free-form", "subscription { tickerChanged { kind } }");
        using var refused = await socket.ReceiveAsync();
        await socket.SendAsync(new { id = "trusted", type = "subscribe", payload = new { documentId = TrustedId("Ticker.graphql") } });
        using var next = await socket.ReceiveAsync();

        Assert.That(refused!.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"));
        Assert.That(refused.RootElement.GetProperty("id").GetString(), Is.EqualTo("free-form"));
        Assert.That(refused.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString(),
            Is.EqualTo("PERSISTED_DOCUMENT_REQUIRED"));
        Assert.That(next!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"), next.RootElement.GetRawText());
        Assert.That(next.RootElement.GetProperty("id").GetString(), Is.EqualTo("trusted"));
        Assert.That(next.RootElement.GetProperty("payload").GetProperty("data").GetProperty("ticker").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task An_ordinary_key_and_anonymous_callers_may_still_send_free_form_queries()
    {
        var partner = ClientWithKey(await CreateKeyAsync(ApiRole.Partner, trustedOnly: false));

        Assert.That((await partner.PostAsync(TickerQuery)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.PostAsync(TickerQuery)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static string TrustedId(string file) =>
        "sha256:" + Hash(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "NewsApi", "PersistedDocuments", file)));

    internal static string Apq(string hash, string? query = null) => query is null
        ? JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } })
        : JsonSerializer.Serialize(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });

    private async Task<string> CreateKeyAsync(ApiRole role, bool trustedOnly)
    {
        var (key, hash, prefix) = ApiKeySecret.Create();
        await using var db = await CreateDbContextAsync();
        db.ApiKeys.Add(new ApiKey
        {
            Name = "pd-" + Guid.NewGuid().ToString("N")[..12],
            Role = role,
            KeyHash = hash,
            Prefix = prefix,
            CreatedAt = DateTime.UtcNow,
            TrustedDocumentsOnly = trustedOnly,
        });
        await db.SaveChangesAsync();
        return key;
    }

    private async Task<(GraphQLResponse Response, System.Net.Http.Headers.HttpResponseHeaders Headers)> PostAsync(string json, string accept = GraphQLClient.GraphQLResponseMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    private async Task<(GraphQLResponse Response, System.Net.Http.Headers.HttpResponseHeaders Headers)> GetAsync(string url, string accept = GraphQLClient.GraphQLResponseMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    private async Task<(GraphQLResponse Response, System.Net.Http.Headers.HttpResponseHeaders Headers)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes), response.Headers);
    }
}
