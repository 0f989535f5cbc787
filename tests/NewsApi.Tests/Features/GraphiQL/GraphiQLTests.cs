using System.Net;
using System.Text.RegularExpressions;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.GraphiQL;

/// <summary>The IDE a browser gets at /graphql, served from the server's own embedded assets.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed partial class GraphiQLTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_browsers_get_of_graphql_is_the_ide_page()
    {
        using var response = await GetHtmlAsync(Client.Http, "/graphql");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("id=\"graphiql\"").And.Contain("/graphiql/graphiql.min.js"));
    }

    [Test]
    public async Task Every_asset_the_page_references_is_served_with_its_type_and_nothing_is_loaded_from_elsewhere()
    {
        using var page = await GetHtmlAsync(Client.Http, "/graphql");
        var html = await page.Content.ReadAsStringAsync();
        var references = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.That(references, Has.Count.EqualTo(6));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "the page itself names no other host");
        foreach (var url in references)
        {
            Assert.That(url, Does.StartWith("/graphiql/"));
            using var asset = await Client.Http.GetAsync(url);
            var text = await asset.Content.ReadAsStringAsync();
            Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(asset.Content.Headers.ContentType?.MediaType, Is.EqualTo(url.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript"), url);

            // Bundles mention URLs (and CDNs) in comments and error texts; what matters is that no CDN address is in them.
            Assert.That(text, Does.Not.Match(@"https?://(unpkg\.com|cdn\.jsdelivr|cdnjs|fonts\.googleapis|esm\.sh)"), url);
            Assert.That(text, Does.Not.Match(@"url\(\s*['""]?https?:"), url);
        }
    }

    [Test]
    public async Task The_bootstrap_points_subscriptions_at_the_same_path_over_graphql_ws()
    {
        var script = await Client.Http.GetStringAsync("/graphiql/start.js");

        Assert.That(script, Does.Contain("graphqlWs.createClient").And.Contain("wss:").And.Contain("createFetcher"));
        Assert.That(script, Does.Not.Contain("http://").And.Not.Contain("https://"));
    }

    [Test]
    public async Task A_get_with_a_query_or_without_text_html_is_still_graphql()
    {
        var response = await Client.GetAsync("{ ticker(first: 1) { headline } }");
        using var withQueryAndHtml = await GetHtmlAsync(Client.Http, "/graphql?query=" + Uri.EscapeDataString("{ ticker(first: 1) { headline } }"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withQueryAndHtml.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
    }

    [Test]
    public async Task With_the_ide_disabled_as_in_production_a_browser_gets_no_page_and_no_assets()
    {
        await using var production = await NewsApiFactory.CreateAsync(TestStore.Sqlite, new Dictionary<string, string?> { ["GraphiQL:Enabled"] = "false" });
        using var http = production.CreateClient();

        using var page = await GetHtmlAsync(http, "/graphql");
        using var asset = await http.GetAsync("/graphiql/graphiql.min.js");

        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
        Assert.That((int)page.StatusCode, Is.InRange(400, 499));
        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient http, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await http.SendAsync(request);
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();
}
