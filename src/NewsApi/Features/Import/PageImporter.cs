using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Audit;
using NewsApi.Features.Tickers;
using NewsApi.Graph;
using NewsApi.Security;
using NewsApi.Validation;

namespace NewsApi.Features.Import;

/// <summary>
/// Turns a parsed page into drafts for an editor to review, through the mutations' own write path: the same
/// validators, ArticleEditor and TickerEditor (so revisions and content events), and an audit entry per object
/// with the importer as actor. All of it is written in one transaction, or none of it.
/// </summary>
/// <remarks>
/// The article is created as a DRAFT. A ticker item has no draft state, so an imported one is held off air the way
/// the model already knows: already expired (on air from one second before the import until the import itself,
/// which is never for any reader). An editor puts it on air with updateTickerItem(startsAt, expiresAt).
/// Re-importing is refused, not merged: a page whose article headline (or, given one, source URL) is already in the
/// store writes nothing.
/// </remarks>
public sealed class PageImporter(
    IDbContextFactory<NewsDbContext> contexts,
    ArticleEditor articles,
    TickerEditor tickers,
    IValidator<CreateArticleInput> articleValidator,
    IValidator<CreateTickerItemInput> tickerValidator,
    TimeProvider clock)
{
    /// <summary>The actor the audit log and revisions name for imported content.</summary>
    public static readonly Caller Importer = new("importer", ApiRole.Editor);

    public async Task<ImportResult> ImportAsync(NewsPage page, string? sourceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var article = new CreateArticleInput
        {
            Headline = page.ArticleHeadline,
            Standfirst = page.Standfirst,
            Body = [.. page.ArticleBlocks.Select(b => new BlockInput { Kind = b.Kind, Text = b.Text, Attribution = b.Attribution })],
            SourceName = page.SourceName,
            SourceUrl = sourceUrl,
            Lang = "ar",
        };
        var heldUntil = clock.GetUtcNow().UtcDateTime;
        var items = page.Ticker.Select((t, i) => new CreateTickerItemInput
        {
            Headline = t.Headline,
            Excerpt = t.Excerpt,
            StartsAt = heldUntil.AddSeconds(-1),
            ExpiresAt = heldUntil,
            Position = i,
            Lang = "ar",
        }).ToList();

        // Everything is checked before anything is written, so a page that fails validation gets all its problems at once.
        var errors = new List<UserError>((await articleValidator.ValidateAsync(article, cancellationToken)).ToUserErrors());
        foreach (var item in items)
        {
            errors.AddRange((await tickerValidator.ValidateAsync(item, cancellationToken)).ToUserErrors());
        }

        if (errors.Count > 0)
        {
            return new ImportResult(null, [], null, errors);
        }

        return await WriteConflicts.RetryAsync(() => WriteAsync(article, items, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Imports take turns: within the import's transaction, PostgreSQL's transaction-scoped advisory lock (SQLite's
    /// transactions already begin IMMEDIATE, holding the database's write lock), so the "already imported" check
    /// sees every import committed before it. Checked outside, two imports of one page at once both passed it.
    /// </summary>
    private static async Task<bool> AlreadyImportedAsync(NewsDbContext db, CreateArticleInput input, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('NewsApi page import'))", cancellationToken);
        }

        var sourceUrl = input.SourceUrl;
        return await db.Articles.AnyAsync(a => a.Headline == input.Headline || (sourceUrl != null && a.SourceUrl == sourceUrl), cancellationToken);
    }

    /// <summary>
    /// The article, its ticker items (with their content events) and an audit entry for each, in one transaction: a
    /// fault anywhere (the database dropping, a constraint, cancellation) rolls all of it back, and the import can
    /// simply be run again.
    /// </summary>
    private async Task<ImportResult> WriteAsync(CreateArticleInput input, IReadOnlyList<CreateTickerItemInput> itemInputs, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await AlreadyImportedAsync(db, input, cancellationToken))
        {
            return new ImportResult(null, [], $"Already imported: an article with the headline \"{input.Headline}\"{(input.SourceUrl is null ? string.Empty : " or the source URL " + input.SourceUrl)} exists. Nothing was written.", []);
        }

        var article = await articles.AddAsync(db, input, Importer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var items = itemInputs.Select(item => tickers.Add(db, item)).ToList();
        await db.SaveChangesAsync(cancellationToken);

        // After the rows are saved, so that each entry can name its row's id.
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(AuditTrail.NewEntry(now, "createArticle", Importer, AuditTrail.TargetOf(article, null), AuditTrail.Ok, null));
        db.AuditEntries.AddRange(items.Select(item => AuditTrail.NewEntry(now, "createTickerItem", Importer, AuditTrail.TargetOf(item, null), AuditTrail.Ok, null)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(article, items, null, []);
    }
}
