using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Graph;

/// <summary>
/// A mutation that loses a write conflict (a deadlock on PostgreSQL, a lock on SQLite) runs again; one that keeps
/// losing answers WRITE_CONFLICT having written nothing. Neither makes the server think its database is down.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class WriteConflictTests(TestStore store) : StoreFixture(store)
{
    private readonly WriteConflictInjector conflicts = new(store, "tags");

    private readonly WriteConflictInjector auditConflicts = new(store, "audit_entries");

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(conflicts);
        services.AddSingleton<IInterceptor>(auditConflicts);
    }

    [Test]
    public async Task A_mutation_that_loses_a_write_conflict_runs_again_and_writes_once()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        conflicts.Failures = 2;

        var created = await editor.PostAsync("mutation { createTag(input: { name: \"تعارض الكتابة\" }) { tag { id slug name } userErrors { code } } }");

        Assert.That(created.Errors, Is.Empty, created.Body);
        Assert.That(created.Data.GetProperty("createTag").GetProperty("tag").GetProperty("name").GetString(), Is.EqualTo("تعارض الكتابة"));
        Assert.That(conflicts.Failures, Is.Zero, "both injected conflicts were met");
        var found = await Client.PostAsync("{ tags(query: \"تعارض الكتابة\") { nodes { slug } } }");
        Assert.That(found.Data.GetProperty("tags").GetProperty("nodes").GetArrayLength(), Is.EqualTo(1), found.Body);
        Assert.That(await AuditEntriesAsync("createTag", created), Is.EqualTo(new[] { "ok" }));
        await AssertDatabaseStillAvailableAsync();
    }

    [Test]
    public async Task A_conflict_on_the_audit_entry_takes_back_the_change_and_the_retry_leaves_one_of_each()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        auditConflicts.Failures = 2;

        // The tag is written before its audit entry, in the same transaction: each lost attempt rolls back both.
        var created = await editor.PostAsync("mutation { createTag(input: { name: \"تعارض السجل\" }) { tag { id slug name } userErrors { code } } }");

        Assert.That(created.Errors, Is.Empty, created.Body);
        Assert.That(auditConflicts.Failures, Is.Zero, "both injected conflicts were met");
        var found = await Client.PostAsync("{ tags(query: \"تعارض السجل\") { nodes { slug } } }");
        Assert.That(found.Data.GetProperty("tags").GetProperty("nodes").GetArrayLength(), Is.EqualTo(1), found.Body);
        Assert.That(await AuditEntriesAsync("createTag", created), Is.EqualTo(new[] { "ok" }));
    }

    [Test]
    public async Task An_audit_entry_that_keeps_losing_answers_WRITE_CONFLICT_and_writes_nothing()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var before = await StoreFingerprintAsync();
        auditConflicts.Failures = 3;

        var refused = await editor.PostAsync("mutation { createTag(input: { name: \"تعارض دائم للسجل\" }) { tag { slug } userErrors { code } } }");

        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "WRITE_CONFLICT" }), refused.Body);
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
        await AssertDatabaseStillAvailableAsync();
    }

    /// <summary>The outcomes of the audit entries naming the tag the mutation answered with.</summary>
    private async Task<List<string>> AuditEntriesAsync(string operation, GraphQLResponse created)
    {
        var id = created.Data.GetProperty(operation).GetProperty("tag").GetProperty("id").GetString();
        await using var db = await CreateDbContextAsync();
        return await db.AuditEntries.Where(e => e.Operation == operation && e.TargetId == id).Select(e => e.Outcome).ToListAsync();
    }

    [Test]
    public async Task A_mutation_that_keeps_losing_answers_WRITE_CONFLICT_and_writes_nothing()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var before = await StoreFingerprintAsync();
        conflicts.Failures = 3;

        var refused = await editor.PostAsync("mutation { createTag(input: { name: \"تعارض دائم\" }) { tag { slug } userErrors { code } } }");

        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "WRITE_CONFLICT" }), refused.Body);
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
        await AssertDatabaseStillAvailableAsync();
    }

    /// <summary>A conflict is not an outage: no 503 pause for the requests that follow.</summary>
    private async Task AssertDatabaseStillAvailableAsync()
    {
        var next = await Client.PostAsync("{ ticker(first: 1) { headline } }");
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), next.Body);
        Assert.That(next.Errors, Is.Empty, next.Body);
        using var ready = await Client.Http.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
