using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Graph;

[TestFixture(TestStore.Sqlite)]
public sealed class ParsedDocumentCacheTests(TestStore store) : StoreFixture(store)
{
    private ParsedDocumentCache Cache => Factory.Services.GetServices<IConfigureExecution>().OfType<ParsedDocumentCache>().Single();

    [Test]
    public async Task A_query_sent_again_reuses_its_parsed_document()
    {
        const string query = "query Feed { articles(first: 3) { nodes { slug } } }";
        var before = Cache.Count;

        var first = await Client.PostAsync(query);
        var second = await Client.PostAsync(query);
        var overGet = await Client.GetAsync(query);

        Assert.That(Cache.Count, Is.EqualTo(before + 1));
        // The data, not the whole body: extensions.cost carries the caller's remaining budget, which every request spends.
        Assert.That(second.Data.GetRawText(), Is.EqualTo(first.Data.GetRawText()));
        Assert.That(overGet.Data.GetRawText(), Is.EqualTo(first.Data.GetRawText()));
    }

    [Test]
    public async Task A_query_sent_first_over_get_is_kept_too()
    {
        const string query = "query GetFeed { articles(first: 2) { nodes { slug } } }";
        var before = Cache.Count;

        await Client.GetAsync(query);
        await Client.GetAsync(query);

        Assert.That(Cache.Count, Is.EqualTo(before + 1));
        Assert.That(Cache.TryGet(query, out _), Is.True);
    }

    [TestCase("{ articles(first: 3) { nodes { nope } } }")]
    [TestCase("{ articles(first: 3) { nodes { slug }")]
    public async Task A_query_that_fails_to_parse_or_validate_is_not_kept(string query)
    {
        var before = Cache.Count;

        await Client.PostAsync(query);

        Assert.That(Cache.Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_kept_document_still_checks_what_depends_on_the_variables()
    {
        const string query = "query($n: Int) { articles(first: $n) { nodes { slug related(first: $n) { reason } } } }";
        var fine = await Client.PostAsync(query, new { n = 2 });

        var outOfRange = await Client.PostAsync(query, new { n = 150 });
        var tooMany = await Client.PostAsync(query, new { n = 100_000 });
        var wrongType = await Client.PostAsync(query, new { n = "two" });

        Assert.That(fine.Errors, Is.Empty, fine.Body);
        Assert.That(Cache.TryGet(query, out _), Is.True);
        Assert.That(outOfRange.Body, Does.Contain("PAGE_SIZE_OUT_OF_RANGE"));
        Assert.That(tooMany.Body, Does.Contain("NODE_LIMIT_EXCEEDED"));
        Assert.That(wrongType.Body, Does.Contain("INVALID_VARIABLES"));
    }
}
