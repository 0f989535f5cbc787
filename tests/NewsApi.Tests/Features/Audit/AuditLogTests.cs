using System.Text.Json;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Audit;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class AuditLogTests(TestStore store) : StoreFixture(store)
{
    private const string AuditQuery = "{ auditLog(first: 100) { nodes { actorName actorRole operation targetId outcome detail } } }";

    [Test]
    public async Task Every_mutation_attempt_is_recorded_with_key_role_operation_target_and_outcome()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var partner = await ClientAsAsync(ApiRole.Partner);
        var created = await editor.PostAsync("mutation { createArticle(input: { headline: \"خبر للتدقيق\" }) { article { id } } }");
        var id = created.Data.GetProperty("createArticle").GetProperty("article").GetProperty("id").GetString();
        await editor.PostAsync("mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 9, headline: \"x\" }) { userErrors { code } } }", new { id });
        await partner.PostAsync("mutation($id: ID!) { archiveArticle(input: { id: $id }) { userErrors { code } } }", new { id });
        await Client.PostAsync("mutation($id: ID!) { publishArticle(input: { id: $id }) { userErrors { code } } }", new { id });

        var log = await (await ClientAsAsync(ApiRole.Admin)).PostAsync(AuditQuery);

        Assert.That(log.Errors, Is.Empty, log.Body);
        var entries = log.Data.GetProperty("auditLog").GetProperty("nodes").EnumerateArray()
            .Where(e => e.GetProperty("targetId").GetString() == id)
            .Select(e => string.Join(' ', Text(e, "operation"), Text(e, "actorName"), Text(e, "actorRole"), Text(e, "outcome"), Text(e, "detail")))
            .ToList();
        Assert.That(entries, Is.EqualTo(new[]
        {
            "publishArticle - - unauthenticated UNAUTHENTICATED",
            "archiveArticle test-partner partner forbidden FORBIDDEN",
            "updateArticle test-editor editor user_errors CONFLICT",
            "createArticle test-editor editor ok -",
        }));
    }

    [TestCase(null, "UNAUTHENTICATED")]
    [TestCase(ApiRole.Partner, "FORBIDDEN")]
    [TestCase(ApiRole.Editor, "FORBIDDEN")]
    public async Task Only_admins_read_the_audit_log(ApiRole? role, string code)
    {
        var response = await (await ClientAsAsync(role)).PostAsync(AuditQuery);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { code }));
        Assert.That(response.Data.GetProperty("auditLog").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Editors_read_an_articles_revisions_with_who_and_what_changed()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation { createArticle(input: { headline: \"خبر بمراجعات\", tagSlugs: [\"iraq\"] }) { article { id } } }");
        var id = created.Data.GetProperty("createArticle").GetProperty("article").GetProperty("id").GetString();
        await editor.PostAsync("mutation($id: ID!) { updateArticle(input: { id: $id, expectedVersion: 1, headline: \"خبر بمراجعة ثانية\" }) { userErrors { code } } }", new { id });

        var response = await editor.PostAsync("query($id: ID!) { article(id: $id) { revisions { version operation actorName actorRole changedFields changes } } }", new { id });

        Assert.That(response.Errors, Is.Empty, response.Body);
        var revisions = response.Data.GetProperty("article").GetProperty("revisions").EnumerateArray().ToList();
        Assert.That(revisions.Select(r => r.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 2, 1 }));
        var latest = revisions[0];
        Assert.Multiple(() =>
        {
            Assert.That(latest.GetProperty("operation").GetString(), Is.EqualTo("updateArticle"));
            Assert.That(latest.GetProperty("actorName").GetString(), Is.EqualTo("test-editor"));
            Assert.That(latest.GetProperty("actorRole").GetString(), Is.EqualTo("editor"));
            Assert.That(latest.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "headline" }));
            Assert.That(latest.GetProperty("changes").GetString(), Is.EqualTo("{\"headline\":{\"from\":\"خبر بمراجعات\",\"to\":\"خبر بمراجعة ثانية\"}}"));
            Assert.That(revisions[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()), Does.Contain("tagSlugs"));
        });
    }

    [TestCase(null)]
    [TestCase(ApiRole.Partner)]
    public async Task Revisions_are_refused_to_anonymous_and_partner_callers(ApiRole? role)
    {
        var response = await (await ClientAsAsync(role)).PostAsync("{ articles(first: 1) { nodes { slug revisions { version } } } }");

        Assert.That(response.ErrorCodes, Is.All.EqualTo("FORBIDDEN").And.Not.Empty);
        Assert.That(response.Body, Does.Not.Contain("\"version\""));
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? "-" : element.GetProperty(name).GetString()!;
}
