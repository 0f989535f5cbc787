using System.Net;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>The limits come from configuration (GraphQL:Limits), not from constants.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class ConfiguredLimitTests(TestStore store) : StoreFixture(store)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:Limits:MaxDepth"] = "2",
        ["GraphQL:Limits:MaxAliases"] = "1",
        ["GraphQL:Limits:MaxQueryLength"] = "100",
    };

    [TestCase("{ articles(first: 1) { nodes { section { name } } } }", "MAX_DEPTH_EXCEEDED")]
    [TestCase("{ a: ticker(first: 1) { headline } b: ticker(first: 1) { headline } }", "TOO_MANY_ALIASES")]
    [TestCase("{ ticker(first: 1) { headline                                                                                     } }", "QUERY_TOO_LONG")]
    public async Task A_configured_limit_replaces_the_default(string query, string code)
    {
        var response = await Client.PostAsync(query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { code }), response.Body);
    }
}
