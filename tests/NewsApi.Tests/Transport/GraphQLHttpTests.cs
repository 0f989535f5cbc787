using System.Net;
using System.Text;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>The status codes, media types and error codes of the GraphQL over HTTP specification, as a client sees them.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class GraphQLHttpTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_query_over_post_answers_200_in_the_media_type_asked_for()
    {
        var modern = await Client.PostJsonAsync("""{"query":"{ ticker(first: 1) { headline } }"}""");
        var legacy = await Client.PostJsonAsync("""{"query":"{ ticker(first: 1) { headline } }"}""", accept: "application/json");

        Assert.That(modern.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(modern.ContentType, Is.EqualTo("application/graphql-response+json; charset=utf-8"));
        Assert.That(legacy.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(legacy.ContentType, Is.EqualTo("application/json; charset=utf-8"));
    }

    [Test]
    public async Task A_query_over_get_answers_like_post()
    {
        var response = await Client.GetAsync("query($n: Int) { ticker(first: $n) { headline } }", new { n = 2 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_mutation_over_get_is_405_with_allow_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { ping }"));
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
    }

    [Test]
    public async Task Other_methods_are_405_with_allow_get_and_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
    }

    [TestCase("{\"query\": ", "INVALID_JSON")]
    [TestCase("not json at all", "INVALID_JSON")]
    [TestCase("", "INVALID_JSON")]
    [TestCase("{}", "MISSING_QUERY")]
    [TestCase("{\"query\": null}", "MISSING_QUERY")]
    [TestCase("{\"query\": 42}", "BAD_REQUEST")]
    [TestCase("{\"query\": \"{ ticker { headline } }\", \"variables\": [1]}", "BAD_REQUEST")]
    [TestCase("[{\"query\": \"{ ticker { headline } }\"}]", "BATCHING_NOT_SUPPORTED")]
    public async Task A_malformed_request_is_400_with_a_stable_code(string body, string code)
    {
        var response = await Client.PostJsonAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), response.Body);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { code }));
    }

    [TestCase("{ ticker { headline ", "GRAPHQL_PARSE_FAILED")]
    [TestCase("{ nope }", "FIELDS_ON_CORRECT_TYPE")]
    public async Task Parse_and_validation_errors_are_400_in_graphql_response_json(string query, string code)
    {
        var response = await Client.PostAsync(query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { code }));
        Assert.That(response.Root.TryGetProperty("data", out _), Is.False, "a request that never executed has no data entry");
    }

    [Test]
    public async Task Validation_errors_are_200_in_legacy_application_json()
    {
        var response = await Client.PostJsonAsync("""{"query":"{ nope }"}""", accept: "application/json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FIELDS_ON_CORRECT_TYPE" }));
    }

    [Test]
    public async Task A_variable_of_the_wrong_type_is_400()
    {
        var response = await Client.PostAsync("query($n: Int) { ticker(first: $n) { headline } }", new { n = "ten" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_VARIABLES" }));
    }

    [Test]
    public async Task A_one_megabyte_string_is_refused_as_too_large()
    {
        var huge = new string('ع', 1_000_000);

        var response = await Client.PostAsync("query($slug: String) { article(slug: $slug) { id } }", new { slug = huge });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "PAYLOAD_TOO_LARGE" }));
    }

    [Test]
    public async Task Invalid_utf8_is_400_not_mangled_text()
    {
        byte[] body = [.. "{\"query\":\"{ tag(slug: \\\""u8, 0xD8, 0xFF, 0xC3, .. "\\\") { name } }\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = GraphQLClient.RawContent(body) };

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_UTF8" }));
    }

    [Test]
    public async Task An_unacceptable_accept_header_is_406()
    {
        var response = await Client.PostJsonAsync("""{"query":"{ ticker { headline } }"}""", accept: "text/html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "NOT_ACCEPTABLE" }));
    }

    [TestCase("text/plain")]
    [TestCase("application/json; charset=latin1")]
    public async Task A_body_that_is_not_utf8_json_is_415(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = GraphQLClient.RawContent("{\"query\":\"{ ticker { headline } }\"}"u8.ToArray(), contentType),
        };

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "UNSUPPORTED_MEDIA_TYPE" }));
    }

    [Test]
    public async Task A_document_nested_past_the_parsers_limit_is_400_not_a_crash()
    {
        var query = string.Concat(Enumerable.Repeat("{ a:ticker ", 300));

        var response = await Client.PostAsync(query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "MAX_DEPTH_EXCEEDED" }));
    }

    [Test]
    public async Task Hostile_requests_never_get_a_500_and_every_error_has_a_code()
    {
        string[] bodies =
        [
            "{\"query\":\"" + string.Concat(Enumerable.Repeat("{ a:ticker ", 300)) + "\"}",
            "{\"query\":\"{ __schema { types { fields { type { ofType { ofType { name } } } } } } }\"}",
            "{\"query\":\"query { ticker(first: 99999999999) { headline } }\"}",
            "{\"query\":\"{ articles(after: \\\"\\\\u0000\\\") { nodes { slug } } }\"}",
            "{\"query\":\"{ tags(query: \\\"' OR 1=1 --\\\") { nodes { slug } } }\"}",
            "{\"query\":\"fragment f on Query { ...f } { ...f }\"}",
            "{\"query\":\"{ ticker { headline } }\",\"operationName\":\"Nope\"}",
            "{\"query\":\"{ node(id: \\\"" + new string('x', 5000) + "\\\") { id } }\"}",
        ];

        foreach (var body in bodies)
        {
            var response = await Client.PostJsonAsync(body);
            Assert.That((int)response.StatusCode, Is.LessThan(500), body[..Math.Min(80, body.Length)]);
            Assert.That(response.ErrorCodes, Has.None.Null, response.Body[..Math.Min(400, response.Body.Length)]);
        }
    }
}
