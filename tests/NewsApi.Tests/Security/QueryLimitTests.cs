using System.Net;
using System.Text;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>Every limit of GraphQL:Limits at its default: its own code, a 400, and not one SQL command.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class QueryLimitTests(TestStore store) : StoreFixture(store)
{
    /// <summary>
    /// Pages of one, related → article <paramref name="pairs"/> times: deep but cheap in nodes and cost. The root
    /// selection set is level 1, so <c>DeepQuery(4, "section { name }")</c> is exactly 12 levels.
    /// </summary>
    private static string DeepQuery(int pairs, string leaf = "id") =>
        "{ articles(first: 1) { nodes { " +
        string.Concat(Enumerable.Repeat("related(first: 1) { article { ", pairs)) + leaf + new string('}', 2 * pairs + 2) + " }";

    private static string Aliases(int count) =>
        "{ articles(first: 1) { nodes { " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"a{i}: id")) + " } } }";

    private static string FragmentBomb(int levels)
    {
        var builder = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < levels; i++)
        {
            builder.Append(CultureInfoInvariant($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n"));
        }

        return builder.Append(CultureInfoInvariant($"fragment F{levels} on Query {{ __typename }}")).ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(DeepQuery(5), "MAX_DEPTH_EXCEEDED").SetName("Nesting 13 levels is MAX_DEPTH_EXCEEDED");
        yield return new TestCaseData(
            "{ articles(first: 100) { nodes { tags { articles(first: 100) { nodes { tags { articles(first: 100) { nodes { id } } } } } } } } }",
            "NODE_LIMIT_EXCEEDED").SetName("Three nested pages of 100 are NODE_LIMIT_EXCEEDED");
        yield return new TestCaseData(
            "{ articles(first: 100) { nodes { tags { articles(first: 100) { nodes { section { name } authors { name } } } } } } }",
            "COST_LIMIT_EXCEEDED").SetName("A query costing more than 25000 is COST_LIMIT_EXCEEDED");
        yield return new TestCaseData(Aliases(31), "TOO_MANY_ALIASES").SetName("31 aliases are TOO_MANY_ALIASES");
        yield return new TestCaseData("{ " + string.Concat(Enumerable.Repeat("__typename ", 21)) + "}", "TOO_MANY_ROOT_FIELDS")
            .SetName("21 root fields are TOO_MANY_ROOT_FIELDS");
        yield return new TestCaseData(
            "{ ticker(first: 1) { headline @include(if: true) @skip(if: false) @include(if: true) @skip(if: false) @include(if: true) } }",
            "TOO_MANY_DIRECTIVES").SetName("Five directives on one field are TOO_MANY_DIRECTIVES");
        yield return new TestCaseData(FragmentBomb(40), "COST_LIMIT_EXCEEDED").SetName("A fragment bomb expanding to 2^40 fields is COST_LIMIT_EXCEEDED");
        yield return new TestCaseData("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "NO_FRAGMENT_CYCLES")
            .SetName("A fragment cycle is NO_FRAGMENT_CYCLES");
        yield return new TestCaseData("{ ticker { headline } }" + new string(' ', 20_000), "QUERY_TOO_LONG")
            .SetName("A query over 20000 characters is QUERY_TOO_LONG");
    }

    [TestCaseSource(nameof(Refusals))]
    [CancelAfter(10_000)]
    public async Task Refused_at_validation_with_its_own_code_and_no_sql(string query, string code)
    {
        SqlCommands.Reset();
        var response = await Client.PostAsync(query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), response.Body);
        Assert.That(response.ErrorCodes, Does.Contain(code), response.Body);
        Assert.That(response.Root.TryGetProperty("data", out _), Is.False, "refused before execution");
        Assert.That(SqlCommands.Count, Is.Zero, string.Join('\n', SqlCommands.Commands));
    }

    [Test]
    public async Task The_same_refusal_over_get_is_the_same_code()
    {
        var response = await Client.GetAsync(Aliases(31));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "TOO_MANY_ALIASES" }));
    }

    [Test]
    public async Task Limits_refuse_with_200_in_legacy_application_json()
    {
        var response = await Client.PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(new { query = Aliases(31) }), accept: "application/json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "TOO_MANY_ALIASES" }));
    }

    [Test]
    public async Task A_response_lists_at_most_20_errors_and_counts_the_rest()
    {
        var response = await Client.PostAsync("{ ticker { headline " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 1_000)) + "} }");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Errors, Has.Count.EqualTo(21));
        Assert.That(response.ErrorCodes[^1], Is.EqualTo("TOO_MANY_ERRORS"));
        Assert.That(response.Bytes, Has.Length.LessThan(10_000));
    }

    [Test]
    public async Task Variables_over_64_KiB_are_VARIABLES_TOO_LARGE_with_no_sql()
    {
        SqlCommands.Reset();

        var response = await Client.PostAsync("query($slug: String!) { article(slug: $slug) { id } }", new { slug = new string('a', 70_000) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "VARIABLES_TOO_LARGE" }));
        Assert.That(SqlCommands.Count, Is.Zero);
    }

    [Test]
    public async Task Limits_at_their_edge_are_allowed()
    {
        var response = await Client.PostAsync(DeepQuery(4, "section { name }"));
        var aliases = await Client.PostAsync(Aliases(30));
        var rootFields = await Client.PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 20)) + "}");

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(aliases.Errors, Is.Empty, aliases.Body);
        Assert.That(rootFields.Errors, Is.Empty, rootFields.Body);
    }

    /// <summary>Schema tools send an introspection query whose type references go seven ofType levels deep: 12 in all.</summary>
    [Test]
    public async Task An_introspection_query_as_deep_as_the_tools_send_fits_the_default_depth()
    {
        var typeReference = string.Concat(Enumerable.Repeat("kind name ofType { ", 7)) + "kind name" + new string('}', 7);

        var response = await Client.PostAsync("{ __schema { types { name fields { name type { " + typeReference + " } } } } }");

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Root.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32(), Is.Zero,
            "introspection is bounded by the schema, not the data, and costs nothing");
    }

    [Test]
    public async Task The_cost_of_an_answered_query_is_in_the_extensions()
    {
        var response = await Client.PostAsync("{ articles(first: 20) { nodes { id section { name } } } }");

        Assert.That(response.Errors, Is.Empty, response.Body);
        var cost = response.Root.GetProperty("extensions").GetProperty("cost");
        // articles 1, nodes 1, then a section for each of the 20 nodes.
        Assert.That(cost.GetProperty("requestedQueryCost").GetInt32(), Is.EqualTo(22));
        Assert.That(cost.GetProperty("maximumQueryCost").GetInt32(), Is.EqualTo(25_000));
    }

    [Test]
    public async Task The_home_feed_of_100_with_everything_is_within_the_cost_limit()
    {
        var response = await Client.PostAsync("""
            { articles(first: 100) { nodes { id slug headline standfirst publishedAt section { name } authors { name } tags { slug name }
                related(first: 3) { kind article { slug headline } } } pageInfo { hasNextPage endCursor } } }
            """);

        Assert.That(response.Errors, Is.Empty, response.Body);
        // 1 + 1 for the connection, then 100 × (section + authors + tags + related + 3 related articles) + pageInfo.
        Assert.That(response.Root.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32(), Is.EqualTo(703));
    }
}
