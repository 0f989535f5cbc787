using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// Cost budgets: every answer reports the operation's cost and what is left (extensions.cost and RateLimit-*
/// headers), a caller that has spent its budget gets 429, Retry-After and RATE_LIMITED before anything runs, and
/// anonymous callers each have their own budget per IP address. Budgets here are small and restore slowly (1 point a
/// second) so that nothing a test does restores enough to matter.
/// </summary>
[TestFixture(TestStore.Sqlite)]
public sealed class RateLimitTests(TestStore store) : StoreFixture(store)
{
    private const int AnonymousBudget = 300;
    private const int PartnerBudget = 50;

    // 100 articles with their tags and sections: about 200 points, so two of them overspend a budget of 300.
    private const string Expensive = "{ articles(first: 100) { nodes { headline tags { slug } section { name } } } }";
    private const string Cheap = "{ ticker(first: 1) { headline } }";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Anonymous:MaximumAvailable"] = AnonymousBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Anonymous:RestoreRate"] = "1",
        ["RateLimits:Keys:tight-partner:MaximumAvailable"] = PartnerBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Keys:tight-partner:RestoreRate"] = "1",
    };

    [Test]
    public async Task The_cost_and_the_remaining_budget_are_in_the_extensions_and_the_headers()
    {
        var (status, headers, body) = await PostFromAsync("10.0.0.1", Cheap);

        var cost = body.GetProperty("extensions").GetProperty("cost");
        var requested = cost.GetProperty("requestedQueryCost").GetInt32();
        var throttle = cost.GetProperty("throttleStatus");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(requested, Is.Positive);
            Assert.That(cost.GetProperty("maximumQueryCost").GetInt32(), Is.EqualTo(25_000));
            Assert.That(throttle.GetProperty("maximumAvailable").GetInt32(), Is.EqualTo(AnonymousBudget));
            Assert.That(throttle.GetProperty("currentlyAvailable").GetInt32(), Is.InRange(AnonymousBudget - requested, AnonymousBudget - requested + 5));
            Assert.That(throttle.GetProperty("restoreRate").GetInt32(), Is.EqualTo(1));
            Assert.That(headers["RateLimit-Limit"].ToString(), Is.EqualTo("300"));
            Assert.That(headers["RateLimit-Remaining"].ToString(), Is.EqualTo(throttle.GetProperty("currentlyAvailable").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(int.Parse(headers["RateLimit-Reset"].ToString(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0, requested));
            Assert.That(headers["RateLimit-Policy"].ToString(), Is.EqualTo("300;w=300"));
        });
    }

    [Test]
    public async Task A_spent_budget_is_429_with_retry_after_and_rate_limited_before_anything_runs()
    {
        const string ip = "10.0.0.2";
        var (first, _, firstBody) = await PostFromAsync(ip, Expensive);
        var cost = firstBody.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32();
        Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(cost * 2, Is.GreaterThan(AnonymousBudget), "two of these overspend the budget");

        var (second, headers, body) = await PostFromAsync(ip, Expensive);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(int.Parse(headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("RATE_LIMITED"));
            Assert.That(body.TryGetProperty("data", out _), Is.False, "nothing was executed");
            Assert.That(headers.CacheControl.ToString(), Is.EqualTo("private, no-store"));
        });
    }

    [Test]
    public async Task An_operation_kept_with_a_settled_cost_still_spends_each_callers_budget()
    {
        // Once parsed and once validated again (by other callers), the document runs without validation rules.
        var (_, _, parsed) = await PostFromAsync("10.0.0.5", Expensive);
        await PostFromAsync("10.0.0.6", Expensive);
        Assert.That(DocumentCache.IsSettled(Expensive), Is.True);
        var cost = parsed.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32();

        var (first, firstHeaders, firstBody) = await PostFromAsync("10.0.0.7", Expensive);
        var (second, _, secondBody) = await PostFromAsync("10.0.0.7", Expensive);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(firstBody.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32(), Is.EqualTo(cost));
            Assert.That(firstHeaders["RateLimit-Remaining"].ToString(), Is.EqualTo((AnonymousBudget - cost).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(second, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(secondBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("RATE_LIMITED"));
            Assert.That(secondBody.TryGetProperty("data", out _), Is.False, "nothing was executed");
        });
    }

    [Test]
    public async Task Anonymous_callers_have_a_budget_per_ip_address()
    {
        await PostFromAsync("10.0.0.3", Expensive);
        var (spent, _, _) = await PostFromAsync("10.0.0.3", Expensive);

        var (other, _, body) = await PostFromAsync("10.0.0.4", Expensive);

        Assert.That(spent, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(other, Is.EqualTo(HttpStatusCode.OK), body.ToString());
    }

    [Test]
    public async Task A_key_has_its_own_configured_budget_and_an_operation_dearer_than_all_of_it_takes_all_of_it()
    {
        var key = await CreateKeyAsync("tight-partner", ApiRole.Partner);
        var partner = ClientWithKey(key);

        var first = await partner.PostAsync(Expensive);
        var response = await partner.PostAsync(Cheap);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), first.Body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "RATE_LIMITED" }));
        Assert.That(response.Body, Does.Contain($"of {PartnerBudget} points"));
    }

    [Test]
    public async Task A_shared_cacheable_get_carries_no_callers_budget()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Cheap));
        using var response = await Client.Http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var cost = body.RootElement.GetProperty("extensions").GetProperty("cost");
        Assert.That(response.Headers.CacheControl?.Public, Is.True);
        Assert.That(cost.TryGetProperty("requestedQueryCost", out _), Is.True);
        Assert.That(cost.TryGetProperty("throttleStatus", out _), Is.False);
        Assert.That(response.Headers.Contains("RateLimit-Remaining"), Is.False);
    }

    [Test]
    public async Task Operations_over_the_websocket_spend_the_same_budget()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await socket.SubscribeAsync("first", Expensive);
        using var answered = await socket.ReceiveAsync();
        using var completed = await socket.ReceiveAsync();
        await socket.SubscribeAsync("second", Expensive);
        using var refused = await socket.ReceiveAsync();

        Assert.That(answered!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"));
        Assert.That(refused!.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"));
        Assert.That(refused.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("RATE_LIMITED"));
    }

    private NewsApi.Graph.ParsedDocumentCache DocumentCache =>
        Factory.Services.GetServices<GraphQL.DI.IConfigureExecution>().OfType<NewsApi.Graph.ParsedDocumentCache>().Single();

    /// <summary>A POST as if from <paramref name="ip"/> (the test server has no sockets, so the address is set on the context).</summary>
    private async Task<(HttpStatusCode Status, IHeaderDictionary Headers, JsonElement Body)> PostFromAsync(string ip, string query)
    {
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));
        var context = await Factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(ip);
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/graphql";
            http.Request.ContentType = "application/json";
            http.Request.Headers.Accept = GraphQLClient.GraphQLResponseMediaType;
            http.Request.Body = new MemoryStream(payload);
            http.Request.ContentLength = payload.Length;
        });
        using var reader = new StreamReader(context.Response.Body);
        var text = await reader.ReadToEndAsync();
        return ((HttpStatusCode)context.Response.StatusCode, context.Response.Headers, JsonDocument.Parse(text).RootElement.Clone());
    }
}
