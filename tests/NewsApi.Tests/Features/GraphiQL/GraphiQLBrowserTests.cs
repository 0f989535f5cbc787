using System.Net;
using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.GraphiQL;

/// <summary>GraphiQL in a real browser (Debian's Chromium) against the built server in Production, where it must be enabled.</summary>
[NonParallelizable]
[TestFixture(TestStore.Sqlite)]
public sealed class GraphiQLBrowserTests(TestStore store) : StoreFixture(store)
{
    [Test]
    [CancelAfter(240_000)]
    public async Task The_ide_loads_from_the_server_alone_and_runs_a_query_and_a_subscription(CancellationToken cancellationToken)
    {
        await EcosystemClients.EnsureInstalledAsync("playwright-core", cancellationToken);
        var editorKey = await CreateKeyAsync("graphiql-editor", ApiRole.Editor);
        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString, settings: new Dictionary<string, string> { ["GraphiQL:Enabled"] = "true" });

        var output = await EcosystemClients.RunAsync("node", ["graphiql-check.mjs", server.Address.AbsoluteUri, editorKey], cancellationToken);

        using var seen = JsonDocument.Parse(output);
        var root = seen.RootElement;
        Assert.That(root.GetProperty("query").GetString(), Does.Contain("\"ticker\"").And.Contain("\"headline\""), output);
        Assert.That(root.GetProperty("subscription").GetString(), Does.Contain("خبر عاجل من GraphiQL"), output);
        Assert.That(root.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()), Is.All.EqualTo(server.Address.Authority), "nothing is loaded from another host");
        Assert.That(root.GetProperty("frames").EnumerateArray().Select(f => f.GetString()), Does.Contain("connection_init").And.Contain("subscribe"));
    }

    [Test]
    public async Task In_production_the_ide_is_off_unless_enabled()
    {
        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        using var page = await http.SendAsync(request);
        using var asset = await http.GetAsync("/graphiql/start.js");

        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
