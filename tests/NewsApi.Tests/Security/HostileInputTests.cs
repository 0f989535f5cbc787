using System.Net;
using System.Text;
using System.Text.Json;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// A corpus of malformed, oversized, nested, bombing, mistyped and injection-flavoured requests over POST and GET.
/// Every one gets a 4xx or a GraphQL answer whose errors all carry a code: never a 5xx, never a hang.
/// </summary>
[TestFixture(TestStore.Sqlite)]
public sealed class HostileInputTests(TestStore store) : StoreFixture(store)
{
    public sealed record HostileRequest(HttpMethod Method, string Url, byte[]? Body = null, string ContentType = "application/json")
    {
        public static HostileRequest Post(string body) => new(HttpMethod.Post, "/graphql", Encoding.UTF8.GetBytes(body));

        public static HostileRequest PostBytes(byte[] body, string contentType = "application/json") => new(HttpMethod.Post, "/graphql", body, contentType);

        public static HostileRequest PostQuery(string query, object? variables = null) =>
            Post(JsonSerializer.Serialize(new { query, variables }));

        public static HostileRequest Get(string rawQueryString) => new(HttpMethod.Get, "/graphql?" + rawQueryString);

        public static HostileRequest GetQuery(string query, string? variablesJson = null) =>
            Get("query=" + Uri.EscapeDataString(query) + (variablesJson is null ? "" : "&variables=" + Uri.EscapeDataString(variablesJson)));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string FragmentBomb(int levels) =>
        "{ ...F0 } " + string.Concat(Enumerable.Range(0, levels).Select(i => FormattableString.Invariant($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")))
        + FormattableString.Invariant($"fragment F{levels} on Query {{ ticker {{ headline }} }}");

    private static IEnumerable<TestCaseData> Corpus()
    {
        var cases = new (string Name, HostileRequest Request)[]
        {
            // Malformed JSON and wrong shapes.
            ("unclosed object", HostileRequest.Post("{")),
            ("lone closing brace", HostileRequest.Post("}")),
            ("empty array", HostileRequest.Post("[]")),
            ("batch of two", HostileRequest.Post("""[{"query":"{ ticker { headline } }"},{"query":"{ ticker { headline } }"}]""")),
            ("null body", HostileRequest.Post("null")),
            ("boolean body", HostileRequest.Post("true")),
            ("number body", HostileRequest.Post("42")),
            ("string body", HostileRequest.Post("\"{ ticker { headline } }\"")),
            ("query is an object", HostileRequest.Post("""{"query":{}}""")),
            ("query is an array", HostileRequest.Post("""{"query":["{ ticker { headline } }"]}""")),
            ("variables is a string", HostileRequest.Post("""{"query":"{ ticker { headline } }","variables":"{}"}""")),
            ("operationName is a number", HostileRequest.Post("""{"query":"{ ticker { headline } }","operationName":5}""")),
            ("extensions is an array", HostileRequest.Post("""{"query":"{ ticker { headline } }","extensions":[]}""")),
            ("trailing comma", HostileRequest.Post("""{"query":"{ ticker { headline } }",}""")),
            ("comments in JSON", HostileRequest.Post("""{/* hi */"query":"{ ticker { headline } }"}""")),
            ("single quotes", HostileRequest.Post("{'query':'{ ticker { headline } }'}")),
            ("duplicate query keys", HostileRequest.Post("""{"query":"{ ticker { headline } }","query":"{ nope }"}""")),
            ("JSON nested 10000 deep in variables", HostileRequest.Post("""{"query":"{ ticker { headline } }","variables":{"a":""" + Repeat("[", 10_000) + Repeat("]", 10_000) + "}}")),
            ("empty body", HostileRequest.Post("")),
            ("whitespace body", HostileRequest.Post("   \n\t ")),
            ("empty query", HostileRequest.PostQuery("")),
            ("query of only a comment", HostileRequest.PostQuery("# nothing")),
            // Encodings and media types.
            ("invalid UTF-8", HostileRequest.PostBytes([.. "{\"query\":\"{ tag(slug: \\\""u8, 0xC3, 0x28, .. "\\\") { name } }\"}"u8])),
            ("overlong UTF-8 slash", HostileRequest.PostBytes([.. "{\"query\":\"{ tag(slug: \\\""u8, 0xC0, 0xAF, .. "\\\") { name } }\"}"u8])),
            ("UTF-16 body", HostileRequest.PostBytes(Encoding.Unicode.GetBytes("{\"query\":\"{ ticker { headline } }\"}"))),
            ("lone surrogate escape in query", HostileRequest.Post("""{"query":"{ tag(slug: \"\ud800\") { name } }"}""")),
            ("lone surrogate escape in a variable", HostileRequest.Post("""{"query":"query($s: String!) { tag(slug: $s) { name } }","variables":{"s":"\udfff"}}""")),
            ("NUL in a string literal", HostileRequest.Post("""{"query":"{ tag(slug: \"a\u0000b\") { name } }"}""")),
            ("text/plain", HostileRequest.PostBytes("{\"query\":\"{ ticker { headline } }\"}"u8.ToArray(), "text/plain")),
            ("form encoded", HostileRequest.PostBytes("query=%7B+ticker+%7B+headline+%7D+%7D"u8.ToArray(), "application/x-www-form-urlencoded")),
            ("latin1 charset", HostileRequest.PostBytes("{\"query\":\"{ ticker { headline } }\"}"u8.ToArray(), "application/json; charset=latin1")),
            ("garbage content type", HostileRequest.PostBytes("{\"query\":\"{ ticker { headline } }\"}"u8.ToArray(), "\u00ff/;;;=")),
            // Oversized.
            ("one megabyte body", HostileRequest.PostQuery("{ ticker { headline } }", new { pad = new string('x', 1_000_000) })),
            ("query over 20000 characters", HostileRequest.PostQuery("{ ticker { headline } }" + new string(' ', 25_000))),
            ("variables over 64 KiB", HostileRequest.PostQuery("query($s: String) { tag(slug: $s) { name } }", new { s = new string('ع', 40_000) })),
            ("string literal of 19000 characters", HostileRequest.PostQuery("{ tag(slug: \"" + new string('a', 19_000) + "\") { name } }")),
            ("10000 variables declared", HostileRequest.PostQuery("query(" + string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"$v{i}: Int")) + ") { ticker { headline } }")),
            // Deeply nested.
            ("braces nested 300 deep", HostileRequest.PostQuery(Repeat("{ a:ticker ", 300))),
            ("braces nested 5000 deep", HostileRequest.PostQuery(Repeat("{", 5_000))),
            ("list literal nested 2000 deep", HostileRequest.PostQuery("{ nodes(ids: " + Repeat("[", 2_000) + Repeat("]", 2_000) + ") { id } }")),
            ("object literal nested 1000 deep", HostileRequest.PostQuery("{ articles(where: " + Repeat("{a:", 1_000) + "1" + Repeat("}", 1_000) + ") { nodes { id } } }")),
            ("related nested 20 deep", HostileRequest.PostQuery("{ articles(first: 1) { nodes { " + Repeat("related(first: 1) { article { ", 20) + "id" + new string('}', 42) + " }")),
            // Alias, field and fragment bombs.
            ("500 aliases", HostileRequest.PostQuery("{ " + string.Join(' ', Enumerable.Range(0, 500).Select(i => $"a{i}: __typename")) + " }")),
            ("100 aliased feeds", HostileRequest.PostQuery("{ " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"a{i}: articles(first: 100) {{ nodes {{ id }} }}")) + " }")),
            ("1000 repeated fields", HostileRequest.PostQuery("{ ticker { " + Repeat("headline ", 1_000) + "} }")),
            ("fragment bomb 50 levels", HostileRequest.PostQuery(FragmentBomb(50))),
            ("fragment cycle", HostileRequest.PostQuery("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),
            ("self-spreading fragment", HostileRequest.PostQuery("{ ...A } fragment A on Query { ticker { headline } ...A }")),
            ("undefined fragment", HostileRequest.PostQuery("{ ...Nope }")),
            ("1000 directives on a field", HostileRequest.PostQuery("{ ticker { headline " + Repeat("@skip(if: false) ", 1_000) + "} }")),
            ("unknown directive", HostileRequest.PostQuery("{ ticker @evil { headline } }")),
            ("nested pages of 100", HostileRequest.PostQuery("{ tags(first: 100) { nodes { articles(first: 100) { nodes { tags { articles(first: 100) { nodes { id } } } } } } } }")),
            // Huge numbers and wrong types.
            ("first beyond Int32", HostileRequest.PostQuery("{ articles(first: 99999999999) { nodes { id } } }")),
            ("first with 400 digits", HostileRequest.PostQuery("{ articles(first: " + new string('9', 400) + ") { nodes { id } } }")),
            ("first negative", HostileRequest.PostQuery("{ articles(first: -1) { nodes { id } } }")),
            ("first as float", HostileRequest.PostQuery("{ articles(first: 1.5) { nodes { id } } }")),
            ("first as string", HostileRequest.PostQuery("{ articles(first: \"10\") { nodes { id } } }")),
            ("variable 1e400", HostileRequest.Post("""{"query":"query($n: Int) { ticker(first: $n) { headline } }","variables":{"n":1e400}}""")),
            ("variable 2^64", HostileRequest.Post("""{"query":"query($n: Int) { ticker(first: $n) { headline } }","variables":{"n":18446744073709551616}}""")),
            ("variable as object", HostileRequest.Post("""{"query":"query($n: Int) { ticker(first: $n) { headline } }","variables":{"n":{"$gt":1}}}""")),
            ("variable null for non-null", HostileRequest.Post("""{"query":"query($s: String!) { tag(slug: $s) { name } }","variables":{"s":null}}""")),
            ("undeclared variable", HostileRequest.PostQuery("{ tag(slug: $s) { name } }")),
            ("variable of an output type", HostileRequest.PostQuery("query($a: Article) { ticker { headline } }")),
            ("enum as string", HostileRequest.PostQuery("{ articles(first: 1, order: \"NEWEST\") { nodes { id } } }")),
            ("unknown operation name", HostileRequest.Post("""{"query":"query A { ticker { headline } }","operationName":"B"}""")),
            ("two anonymous operations", HostileRequest.PostQuery("{ ticker { headline } } { ticker { headline } }")),
            ("mutation on a schema without one", HostileRequest.PostQuery("mutation { deleteEverything }")),
            ("subscription on a schema without one", HostileRequest.PostQuery("subscription { ticker { headline } }")),
            // Injection-flavoured values.
            ("SQL injection in a slug", HostileRequest.PostQuery("{ article(slug: \"' OR 1=1 --\") { id } }")),
            ("SQL injection in a tag filter", HostileRequest.PostQuery("{ articles(first: 5, where: { tags: [\"x'); DROP TABLE articles; --\"] }) { nodes { id } } }")),
            ("SQL injection in a cursor", HostileRequest.PostQuery("{ articles(first: 5, after: \"'; DELETE FROM articles; --\") { nodes { id } } }")),
            ("LIKE wildcards in a slug", HostileRequest.PostQuery("{ tag(slug: \"%_%\") { name } }")),
            ("path traversal as an id", HostileRequest.PostQuery("{ node(id: \"../../../../etc/passwd\") { id } }")),
            ("base64 garbage as an id", HostileRequest.PostQuery("{ node(id: \"////////AAAA====\") { id } }")),
            ("an id of another type", HostileRequest.PostQuery("{ article(id: \"VGFnOjE=\") { id } }")),
            ("script tag in a slug", HostileRequest.PostQuery("{ tag(slug: \"<script>alert(1)</script>\") { name } }")),
            ("bidi override in a slug", HostileRequest.PostQuery("{ tag(slug: \"\u202Egnp.exe\") { name } }")),
            ("JSON in a variable string", HostileRequest.PostQuery("query($s: String!) { tag(slug: $s) { name } }", new { s = "{\"$ne\": null}" })),
            ("__proto__ variables", HostileRequest.Post("""{"query":"{ ticker { headline } }","variables":{"__proto__":{"admin":true}}}""")),
            // GET.
            ("GET without a query", HostileRequest.Get("")),
            ("GET with an empty query", HostileRequest.Get("query=")),
            ("GET with a repeated query", HostileRequest.Get("query=%7B__typename%7D&query=%7B__typename%7D")),
            ("GET with bad percent-encoding", HostileRequest.Get("query=%ZZ%7B__typename%7D")),
            ("GET with variables that are not JSON", HostileRequest.Get("query=%7B__typename%7D&variables=%7Bnope")),
            ("GET with a mutation", HostileRequest.GetQuery("mutation { x }")),
            ("GET with a parse error", HostileRequest.GetQuery("{ ticker { headline ")),
            ("GET nested 300 deep", HostileRequest.GetQuery(Repeat("{ a:ticker ", 300))),
            ("GET alias bomb", HostileRequest.GetQuery("{ " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"a{i}: __typename")) + " }")),
            ("GET fragment bomb", HostileRequest.GetQuery(FragmentBomb(30))),
            ("GET query over 20000 characters", HostileRequest.GetQuery("{ __typename }" + new string(' ', 21_000))),
            ("GET huge number variable", HostileRequest.GetQuery("query($n: Int) { ticker(first: $n) { headline } }", "{\"n\": 1e400}")),
            ("GET injection in a slug", HostileRequest.GetQuery("{ article(slug: \"1; DROP TABLE articles\") { id } }")),
        };
        foreach (var (name, request) in cases)
        {
            yield return new TestCaseData(request).SetName("Hostile: " + name);
        }
    }

    [TestCaseSource(nameof(Corpus))]
    [CancelAfter(15_000)]
    public async Task Gets_a_4xx_or_coded_errors_never_a_5xx(HostileRequest hostile, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(hostile.Method, hostile.Url);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            // Without validation: the garbage content type must reach the server as sent.
            request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }

        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);
        using var response = await Client.Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.That((int)response.StatusCode, Is.LessThan(500), body);
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.TryGetProperty("errors", out var list) ? [.. list.EnumerateArray()] : new List<JsonElement>();
        Assert.That(errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null),
            Is.All.Not.Null.And.All.Not.EqualTo("INTERNAL_SERVER_ERROR"), body);
        if ((int)response.StatusCode >= 400)
        {
            Assert.That(errors, Is.Not.Empty, body);
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.RootElement.TryGetProperty("data", out _), Is.True, body);
        }
    }

    /// <summary>What the corpus found answered 500 before: each now has its own client-error code.</summary>
    [Test]
    public async Task Requests_that_used_to_be_500s_get_their_codes()
    {
        var getParseError = await Client.GetAsync("{ ticker { headline ");
        var mutation = await Client.PostAsync("mutation { x }");
        var subscription = await Client.PostAsync("subscription { tickerChanged { kind } }");
        var surrogate = await Client.PostJsonAsync("""{"query":"{ tag(slug: \"\ud800\") { name } }"}""");

        Assert.That((getParseError.StatusCode, getParseError.ErrorCodes.Single()), Is.EqualTo((HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED")), getParseError.Body);
        Assert.That((mutation.StatusCode, mutation.ErrorCodes.Single()), Is.EqualTo((HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE")), mutation.Body);
        Assert.That((subscription.StatusCode, subscription.ErrorCodes.Single()), Is.EqualTo((HttpStatusCode.BadRequest, "OPERATION_NOT_SUPPORTED")), subscription.Body);
        Assert.That((surrogate.StatusCode, surrogate.ErrorCodes.Single()), Is.EqualTo((HttpStatusCode.BadRequest, "BAD_REQUEST")), surrogate.Body);
    }

    [Test]
    public void The_corpus_has_at_least_60_cases() => Assert.That(Corpus().Count(), Is.GreaterThanOrEqualTo(60));
}
