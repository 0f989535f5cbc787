using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Import;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Import;

/// <summary>
/// The import is one transaction: a database fault at any step after the article is saved (its ticker items, their
/// content events, the audit entries) leaves nothing of it, and the same import run again succeeds. Runs the
/// command in-process so that a fault can be injected into its SQL. Imports of one page at once write it once.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class PageImportFaultTests(TestStore store) : StoreFixture(store)
{
    private readonly Dictionary<string, InsertFailureInjector> faults = new[] { "ticker_items", "content_events", "audit_entries" }
        .ToDictionary(table => table, table => new InsertFailureInjector(table, () => InsertFailureInjector.ConstraintViolation(store)));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedSampleContent"] = "false" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        foreach (var fault in faults.Values)
        {
            services.AddSingleton<IInterceptor>(fault);
        }
    }

    [TestCase("ticker_items")]
    [TestCase("content_events")]
    [TestCase("audit_entries")]
    public async Task An_import_that_fails_midway_writes_nothing_and_runs_again_whole(string failingTable)
    {
        var headline = $"قمة إقليمية في بغداد ({failingTable})";
        var file = await WritePageAsync(headline);
        try
        {
            var before = await CountsAsync();
            faults[failingTable].Failures = 1;

            var (failedExit, _, failedError) = await ImportAsync(file);

            Assert.That(faults[failingTable].Failures, Is.Zero, "the fault was met");
            Assert.That(failedExit, Is.EqualTo(4), failedError);
            Assert.That(failedError, Does.Contain("nothing was written"));
            Assert.That(await CountsAsync(), Is.EqualTo(before), "no article, revision, ticker item, content event or audit entry");

            var (exitCode, output, error) = await ImportAsync(file);

            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output.Split('\n').Count(l => l.Contains('\t')), Is.EqualTo(3), output);
            Assert.That(await CountsAsync(), Is.EqualTo(OneImportMore(before)));
            await using var db = await CreateDbContextAsync();
            var article = await db.Articles.SingleAsync(a => a.Headline == headline);
            var entries = await db.AuditEntries.Where(e => e.ActorName == PageImporter.Importer.KeyName && e.TargetId == GlobalId.Encode(ArticleGraphType.TypeName, article.Id)).ToListAsync();
            Assert.That(entries.Select(e => $"{e.Operation} {e.Outcome}"), Is.EqualTo(new[] { "createArticle ok" }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task The_same_page_imported_four_times_at_once_is_written_once()
    {
        var headline = "قمة إقليمية في بغداد (أربع مرات معاً)";
        var file = await WritePageAsync(headline);
        try
        {
            var before = await CountsAsync();

            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ImportAsync(file))));

            Assert.That(runs.Count(r => r.ExitCode == 0), Is.EqualTo(1), string.Join("\n", runs.Select(r => $"{r.ExitCode}: {r.Error}")));
            Assert.That(runs.Where(r => r.ExitCode != 0).Select(r => r.Error), Has.All.Contains("Already imported"));
            Assert.That(await CountsAsync(), Is.EqualTo(OneImportMore(before)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A page like the sample with two ticker items; the headline makes it a page of its own.</summary>
    private static async Task<string> WritePageAsync(string headline)
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsapi-import-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, $"""
            اخر الاخبار
            {headline}: انطلاق الأعمال
            انطلقت اليوم أعمال القمة في...
            {headline}: بيان ختامي
            يصدر البيان الختامي غداً...
            ذات صلة
            {headline}
            شارك على مواقع التواصل
            بدأت في بغداد اليوم أعمال القمة الإقليمية. ويستمر الاجتماع يومين.
            """);
        return file;
    }

    private async Task<(int ExitCode, string Output, string Error)> ImportAsync(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ImportCommand.RunAsync(Factory.Services, [file], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<Counts> CountsAsync()
    {
        await using var db = await CreateDbContextAsync();
        return new Counts(
            await db.Articles.CountAsync(),
            await db.ArticleRevisions.CountAsync(),
            await db.TickerItems.CountAsync(),
            await db.ContentEvents.CountAsync(e => e.Kind == ContentEventKind.TickerAdded),
            // Not TickerExpired: an imported item is held off air by expiring at once, and the expiry announcer, in the
            // background, announces that whenever it next looks (in one run, between an import and the count).
            await db.ContentEvents.CountAsync(e => e.Kind != ContentEventKind.TickerExpired),
            await db.AuditEntries.CountAsync());
    }

    /// <summary>The page of <see cref="WritePageAsync"/> imported once: its article and revision, two ticker items with their events, three audit entries.</summary>
    private static Counts OneImportMore(Counts before) => before with
    {
        Articles = before.Articles + 1,
        Revisions = before.Revisions + 1,
        TickerItems = before.TickerItems + 2,
        TickerEvents = before.TickerEvents + 2,
        Events = before.Events + 2,
        AuditEntries = before.AuditEntries + 3,
    };

    private sealed record Counts(int Articles, int Revisions, int TickerItems, int TickerEvents, int Events, int AuditEntries);
}
