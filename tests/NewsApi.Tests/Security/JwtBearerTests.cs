using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// JWT bearer tokens from an identity provider, configured with a shared signing key: a valid token's role claim
/// is the caller's role, a bad token leaves the caller unauthenticated like an unknown key, and API keys keep working.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class JwtBearerTests(TestStore store) : StoreFixture(store)
{
    private const string Issuer = "https://idp.newsroom.test";
    private const string Audience = "news-api";
    private static readonly string SigningKey = new('k', 48);

    private const string CreateTicker = "mutation($h: String!) { createTickerItem(input: { headline: $h }) { tickerItem { headline } userErrors { code } } }";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Jwt:SigningKey"] = SigningKey,
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
    };

    [Test]
    public async Task An_editor_token_can_mutate_and_the_audit_log_names_its_subject()
    {
        var client = ClientWithKey(Token("layla@newsroom", "editor"));

        var response = await client.PostAsync(CreateTicker, new { h = "عاجل بتوقيع الهوية" });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("createTickerItem").GetProperty("tickerItem").GetProperty("headline").GetString(), Is.EqualTo("عاجل بتوقيع الهوية"));
        var log = await ClientWithKey(Token("admin@newsroom", "admin")).PostAsync("{ auditLog(first: 5) { nodes { actorName actorRole operation outcome } } }");
        Assert.That(log.Errors, Is.Empty, log.Body);
        var entry = log.Data.GetProperty("auditLog").GetProperty("nodes").EnumerateArray()
            .First(e => e.GetProperty("operation").GetString() == "createTickerItem");
        Assert.That(
            (entry.GetProperty("actorName").GetString(), entry.GetProperty("actorRole").GetString(), entry.GetProperty("outcome").GetString()),
            Is.EqualTo(("layla@newsroom", "editor", "ok")));
    }

    [Test]
    public async Task A_partner_token_is_forbidden_to_mutate_and_nothing_is_written()
    {
        var before = await StoreFingerprintAsync();

        var response = await ClientWithKey(Token("partner-app", "partner")).PostAsync(CreateTicker, new { h = "لا يكتب" });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }), response.Body);
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_token_with_an_unknown_role_has_no_privileges()
    {
        var client = ClientWithKey(Token("reader", "subscriber"));

        var mutation = await client.PostAsync(CreateTicker, new { h = "بلا دور" });
        var drafts = await client.PostAsync("{ articles(first: 1, where: { status: [DRAFT] }) { nodes { id } } }");

        Assert.That(mutation.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }), mutation.Body);
        Assert.That(drafts.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }), drafts.Body);
    }

    [Test]
    public async Task The_highest_known_role_of_several_counts()
    {
        var response = await ClientWithKey(Token("desk", "partner", "editor")).PostAsync(CreateTicker, new { h = "دوران" });

        Assert.That(response.Errors, Is.Empty, response.Body);
    }

    private static IEnumerable<TestCaseData> BadTokens()
    {
        yield return new TestCaseData(Token("late", "editor", expires: DateTime.UtcNow.AddHours(-1))).SetArgDisplayNames("expired");
        yield return new TestCaseData(Token("forger", "editor", key: new string('x', 48))).SetArgDisplayNames("wrong signature");
        yield return new TestCaseData(Token("elsewhere", "editor", audience: "another-api")).SetArgDisplayNames("wrong audience");
        yield return new TestCaseData(Token("stranger", "editor", issuer: "https://evil.test")).SetArgDisplayNames("wrong issuer");
        yield return new TestCaseData("not.a.jwt").SetArgDisplayNames("garbage");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task A_bad_token_is_unauthenticated_like_an_unknown_key_and_writes_nothing(string token)
    {
        var before = await StoreFingerprintAsync();
        var client = ClientWithKey(token);

        var mutation = await client.PostAsync(CreateTicker, new { h = "مرفوض" });
        var unknownKey = await ClientWithKey("nwk_not-a-real-key").PostAsync(CreateTicker, new { h = "مرفوض" });
        var read = await client.PostAsync("{ articles(first: 1) { nodes { id } } }");

        Assert.That(mutation.ErrorCodes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), mutation.Body);
        Assert.That(mutation.StatusCode, Is.EqualTo(unknownKey.StatusCode));
        Assert.That(mutation.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the mutation field ran and failed: data is present");
        Assert.That(read.Errors, Is.Empty, "public reads stay open, as for an unknown key");
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Api_keys_keep_working_beside_jwts()
    {
        var response = await (await ClientAsAsync(ApiRole.Editor)).PostAsync(CreateTicker, new { h = "بالمفتاح" });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("createTickerItem").GetProperty("userErrors").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_jwt_in_connection_init_authorises_mutations_over_the_socket()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + Token("ws-desk", "editor") } });
        using var ack = await client.ReceiveAsync();
        Assert.That(ack!.RootElement.GetProperty("type").GetString(), Is.EqualTo("connection_ack"));

        await client.SubscribeAsync("m", "mutation { createTickerItem(input: { headline: \"عاجل عبر المقبس بالهوية\" }) { tickerItem { headline } } }");

        using var next = await client.ReceiveAsync();
        var payload = next!.RootElement.GetProperty("payload");
        Assert.That(payload.TryGetProperty("errors", out _), Is.False, payload.GetRawText());
    }

    [Test]
    public async Task An_expired_jwt_in_connection_init_closes_with_4403()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + Token("late", "editor", expires: DateTime.UtcNow.AddHours(-1)) } });

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4403));
    }

    /// <summary>A token as the identity provider would mint it; the defaults make a valid one.</summary>
    internal static string Token(string subject, string role, string? role2 = null, DateTime? expires = null, string? key = null, string audience = Audience, string issuer = Issuer)
    {
        var roles = role2 is null ? (object)role : new[] { role, role2 };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
