using System.Net;
using System.Text;
using NewsApi.Data.Entities;
using NewsApi.Security;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>Browsers' view of /graphql: anonymous reads from anywhere, keys only from editor origins or the key's own.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class GraphQLCorsTests(TestStore store) : StoreFixture(store)
{
    private const string Desk = "https://desk.newsroom.example";
    private const string Partner = "https://partner.example";
    private const string Stranger = "https://evil.example";
    private const string Query = """{"query":"{ ticker(first: 1) { headline } }"}""";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:EditorOrigins:0"] = Desk,
        ["Cors:MaxAgeSeconds"] = "900",
    };

    [Test]
    public async Task An_anonymous_preflight_from_any_origin_is_allowed_without_credentials()
    {
        using var response = await PreflightAsync(Stranger, "POST", "content-type");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain("POST").And.Contain("GET"));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Does.Contain("Content-Type"));
        Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.Null);
        Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("900"));
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"));
    }

    [Test]
    public async Task A_preflight_with_key_headers_from_an_editor_origin_is_allowed_with_credentials()
    {
        using var response = await PreflightAsync(Desk, "POST", "content-type, x-api-key");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Desk));
        Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.EqualTo("true"));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Does.Contain("Content-Type").And.Contain("Authorization").And.Contain("X-Api-Key"));
        Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("900"));
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"));
    }

    [Test]
    public async Task A_preflight_with_key_headers_from_another_origin_is_refused_without_allow_headers()
    {
        using var response = await PreflightAsync(Stranger, "POST", "authorization, content-type");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.Null);
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"));
    }

    [Test]
    public async Task A_preflight_from_a_keys_own_origin_is_allowed_and_the_key_works_there_but_not_elsewhere()
    {
        var key = await CreateKeyAsync(ApiRole.Partner, Partner);

        using var preflight = await PreflightAsync(Partner, "POST", "authorization, content-type");
        using var fromPartner = await PostAsync(Partner, key);
        using var fromStranger = await PostAsync(Stranger, key);

        Assert.That(preflight.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(preflight, "Access-Control-Allow-Origin"), Is.EqualTo(Partner));
        Assert.That(fromPartner.StatusCode, Is.EqualTo(HttpStatusCode.OK), await fromPartner.Content.ReadAsStringAsync());
        Assert.That(Header(fromPartner, "Access-Control-Allow-Origin"), Is.EqualTo(Partner));
        Assert.That(Header(fromPartner, "Access-Control-Allow-Credentials"), Is.EqualTo("true"));
        Assert.That(fromStranger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await fromStranger.Content.ReadAsStringAsync(), Does.Contain("\"ORIGIN_NOT_ALLOWED\""));
        Assert.That(Header(fromStranger, "Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task An_editor_key_works_from_an_editor_origin_and_is_refused_from_another_before_anything_runs()
    {
        var key = await CreateKeyAsync(ApiRole.Editor, null);
        const string mutation = """{"query":"mutation { createArticle(input: { headline: \"من أصل غريب\" }) { article { id } } }"}""";
        var before = await StoreFingerprintAsync();

        using var refused = await PostAsync(Stranger, key, mutation);
        var after = await StoreFingerprintAsync();
        using var allowed = await PostAsync(Desk, key);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("\"ORIGIN_NOT_ALLOWED\""));
        Assert.That(after, Is.EqualTo(before), "nothing was written");
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(allowed, "Access-Control-Allow-Origin"), Is.EqualTo(Desk));
    }

    [Test]
    public async Task An_anonymous_get_from_any_origin_is_served_with_allow_origin_star()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ ticker(first: 1) { headline } }"));
        request.Headers.Add("Origin", Stranger);
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Client.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string origin, string key, string body = Query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);
        request.Headers.Add("X-Api-Key", key);
        return await Client.Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private async Task<string> CreateKeyAsync(ApiRole role, string? origin)
    {
        var (key, hash, prefix) = ApiKeySecret.Create();
        await using var db = await CreateDbContextAsync();
        db.ApiKeys.Add(new ApiKey
        {
            Name = "cors-" + Guid.NewGuid().ToString("N")[..12],
            Role = role,
            KeyHash = hash,
            Prefix = prefix,
            CreatedAt = DateTime.UtcNow,
            AllowedOrigins = origin,
        });
        await db.SaveChangesAsync();
        return key;
    }
}
