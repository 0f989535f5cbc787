using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Audit;

/// <summary>
/// A mutation's change and its audit entry commit in one transaction: both are there, or neither is. Covers the three
/// ways a change is saved: a lone SaveChanges without content events (a draft), one with events (a ticker item), and
/// an editor's own transaction (an article update).
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class AuditInTransactionTests(TestStore store) : StoreFixture(store)
{
    private const string CreateDraft = "mutation($s: String!) { createArticle(input: { headline: \"مسودة للتدقيق\", slug: $s }) { article { id } userErrors { code } } }";
    private const string CreateTickerItem = "mutation($s: String!) { createTickerItem(input: { headline: $s }) { tickerItem { id } userErrors { code } } }";
    private const string UpdateArticle = "mutation($id: ID!, $v: Int!, $s: String!) { updateArticle(input: { id: $id, expectedVersion: $v, standfirst: $s }) { article { id } userErrors { code } } }";

    private readonly InsertFailureInjector auditFailures = new("audit_entries", () => InsertFailureInjector.ConstraintViolation(store));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(auditFailures);

    [TestCase("createArticle")]
    [TestCase("createTickerItem")]
    [TestCase("updateArticle")]
    public async Task A_mutation_whose_audit_entry_cannot_be_written_changes_nothing_and_answers_an_error(string operation)
    {
        var (document, variables) = await MutationAsync(operation);
        var editor = await ClientAsAsync(ApiRole.Editor);
        var fingerprint = await StoreFingerprintAsync();
        var (events, lastEntry) = await LogPositionAsync();
        auditFailures.Failures = 1;

        var response = await editor.PostAsync(document, variables);

        Assert.That(auditFailures.Failures, Is.Zero, "the fault was met");
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INTERNAL_SERVER_ERROR" }), response.Body);
        Assert.That(response.Data.GetProperty(operation).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(fingerprint), "no change, no revision");
        Assert.That((await LogPositionAsync()).Events, Is.EqualTo(events), "no content event");
        // The failed attempt is on record, after the fact, as the error it was; there is no "ok" for a change that is not there.
        Assert.That(await EntriesSinceAsync(lastEntry), Is.EqualTo(new[] { $"{operation} error DbUpdateException" }));
    }

    [TestCase("createArticle")]
    [TestCase("createTickerItem")]
    [TestCase("updateArticle")]
    public async Task A_successful_mutation_commits_its_change_with_one_ok_entry_naming_it(string operation)
    {
        var (document, variables) = await MutationAsync(operation);
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (_, lastEntry) = await LogPositionAsync();

        var response = await editor.PostAsync(document, variables);

        Assert.That(response.Errors, Is.Empty, response.Body);
        var payload = response.Data.GetProperty(operation);
        Assert.That(payload.GetProperty("userErrors").GetArrayLength(), Is.Zero, response.Body);
        var id = payload.GetProperty(operation == "createTickerItem" ? "tickerItem" : "article").GetProperty("id").GetString();
        var field = operation == "createTickerItem" ? "tickerItem" : "article";
        var node = await editor.PostAsync($"query($id: ID!) {{ {field}(id: $id) {{ id }} }}", new { id });
        Assert.That(node.Data.GetProperty(field).GetProperty("id").GetString(), Is.EqualTo(id), "the change is there");
        Assert.That(await EntriesSinceAsync(lastEntry, withTarget: true), Is.EqualTo(new[] { $"{operation} ok - {id}" }));
    }

    private async Task<(string Document, object Variables)> MutationAsync(string operation)
    {
        var marker = $"{operation}-{Guid.NewGuid():N}"[..24].ToLowerInvariant();
        switch (operation)
        {
            case "createArticle":
                return (CreateDraft, new { s = marker });
            case "createTickerItem":
                return (CreateTickerItem, new { s = "خبر عاجل " + marker });
            default:
                var editor = await ClientAsAsync(ApiRole.Editor);
                var articles = await editor.PostAsync("{ articles(first: 1) { nodes { id version } } }");
                var article = articles.Data.GetProperty("articles").GetProperty("nodes")[0];
                return (UpdateArticle, new { id = article.GetProperty("id").GetString(), v = article.GetProperty("version").GetInt32(), s = "مقدمة منقحة " + marker });
        }
    }

    private async Task<(int Events, long LastEntry)> LogPositionAsync()
    {
        await using var db = await CreateDbContextAsync();
        return (await db.ContentEvents.CountAsync(), await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0);
    }

    private async Task<List<string>> EntriesSinceAsync(long lastEntry, bool withTarget = false)
    {
        await using var db = await CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(e => e.Id > lastEntry).OrderBy(e => e.Id).ToListAsync();
        return [.. entries.Select(e => $"{e.Operation} {e.Outcome} {e.Detail ?? "-"}" + (withTarget ? $" {e.TargetId}" : string.Empty))];
    }
}
