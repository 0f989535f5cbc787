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
        Assert.That(Cache.IsSettled(query), Is.False, "its page sizes are variables");
    }

    [Test]
    public async Task A_settled_operation_answers_as_a_freshly_validated_one_and_still_checks_its_variables()
    {
        const string query = "query Page($slug: String!) { article(slug: $slug) { slug headline tags { slug } related(first: 3) { reason article { slug } } } }";
        var feed = await Client.PostAsync("{ articles(first: 2) { nodes { slug } } }");
        var slugs = feed.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToArray();
        await Client.PostAsync(query, new { slug = slugs[0] });
        await Client.PostAsync(query, new { slug = slugs[0] });
        Assert.That(Cache.IsSettled(query, "Page"), Is.False, "no operation name was sent");
        Assert.That(Cache.IsSettled(query), Is.True);

        foreach (var slug in slugs)
        {
            var settled = await Client.PostAsync(query, new { slug });
            // A different text is a different document: parsed and validated in full.
            var validated = await Client.PostAsync(query + " ", new { slug });
            Assert.That(settled.Errors, Is.Empty, settled.Body);
            Assert.That(settled.Data.GetProperty("article").GetProperty("slug").GetString(), Is.EqualTo(slug));
            Assert.That(settled.Data.GetRawText(), Is.EqualTo(validated.Data.GetRawText()));
        }

        var missing = await Client.PostAsync(query, new { });
        var wrongType = await Client.PostAsync(query, new { slug = new[] { 1, 2 } });
        var unknown = await Client.PostAsync(query, new { slug = "no-such-article" });
        Assert.That(missing.ErrorCodes, Is.EqualTo(new[] { "INVALID_VARIABLES" }), missing.Body);
        Assert.That(wrongType.ErrorCodes, Is.EqualTo(new[] { "INVALID_VARIABLES" }), wrongType.Body);
        Assert.That(missing.Body, Is.EqualTo((await Client.PostAsync(query + " ", new { })).Body));
        Assert.That(wrongType.Body, Is.EqualTo((await Client.PostAsync(query + " ", new { slug = new[] { 1, 2 } })).Body));
        Assert.That(unknown.Errors, Is.Empty, unknown.Body);
        Assert.That(unknown.Data.GetProperty("article").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task A_settled_operation_with_a_nullable_variable_where_a_value_is_required_refuses_null_as_before()
    {
        const string query = "query($slug: String = \"x\") { tag(slug: $slug) { name } }";
        await Client.PostAsync(query, new { slug = "x" });
        await Client.PostAsync(query, new { slug = "x" });
        Assert.That(Cache.IsSettled(query), Is.True);

        var settled = await Client.PostAsync(query, new { slug = (string?)null });
        var validated = await Client.PostAsync(query + " ", new { slug = (string?)null });

        Assert.That(settled.ErrorCodes, Is.Not.Empty);
        Assert.That(settled.Body, Is.EqualTo(validated.Body));
    }
}
