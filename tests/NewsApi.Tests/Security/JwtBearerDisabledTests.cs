using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>Without <c>Auth:Jwt</c> configured, JWT bearer tokens are off: a token is just an unknown credential.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class JwtBearerDisabledTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_well_formed_editor_token_is_an_unknown_credential_when_jwt_is_not_configured()
    {
        var before = await StoreFingerprintAsync();

        var response = await ClientWithKey(JwtBearerTests.Token("layla@newsroom", "editor"))
            .PostAsync("mutation { createTickerItem(input: { headline: \"لا\" }) { tickerItem { headline } } }");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "UNAUTHENTICATED" }), response.Body);
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_token_in_connection_init_closes_with_4403_when_jwt_is_not_configured()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + JwtBearerTests.Token("ws", "editor") } });

        Assert.That(await client.ClosedWithAsync(), Is.EqualTo(4403));
    }
}
