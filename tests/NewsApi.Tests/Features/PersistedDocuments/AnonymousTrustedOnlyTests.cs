using System.Net;
using System.Text.Json;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.PersistedDocuments;

/// <summary>PersistedDocuments:AnonymousTrustedOnly puts every anonymous caller under the allowlist.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class AnonymousTrustedOnlyTests(TestStore store) : StoreFixture(store)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PersistedDocuments:AnonymousTrustedOnly"] = "true",
    };

    [Test]
    public async Task An_anonymous_free_form_query_is_persisted_document_required_over_post_and_get()
    {
        var post = await Client.PostAsync("{ ticker { headline } }");
        var get = await Client.GetAsync("{ ticker { headline } }");

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(post.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(get.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
    }

    [Test]
    public async Task An_anonymous_caller_cannot_register_an_apq_but_may_run_a_trusted_document()
    {
        const string query = "{ ticker(first: 1) { headline } }";
        var registration = await Client.PostJsonAsync(PersistedDocumentsTests.Apq(PersistedDocumentsTests.Hash(query), query));
        var trusted = await Client.PostJsonAsync(JsonSerializer.Serialize(new { documentId = PersistedDocumentsTests.TrustedId("HomeFeed.graphql") }));

        Assert.That(registration.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        Assert.That(trusted.StatusCode, Is.EqualTo(HttpStatusCode.OK), trusted.Body);
        Assert.That(trusted.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_key_without_the_flag_is_not_under_the_anonymous_allowlist()
    {
        var editor = await ClientAsAsync(NewsApi.Data.Entities.ApiRole.Editor);

        Assert.That((await editor.PostAsync("{ ticker { headline } }")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
