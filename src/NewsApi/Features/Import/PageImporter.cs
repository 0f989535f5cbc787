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
/// with the importer as actor.
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
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The actor the audit log and revisions name for imported content.</summary>
    public static readonly Caller Importer = new("importer", ApiRole.Editor);

    public async Task<ImportResult> ImportAsync(NewsPage page, string? sourceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Articles.AnyAsync(a => a.Headline == page.ArticleHeadline || (sourceUrl != null && a.SourceUrl == sourceUrl), cancellationToken))
            {
                return new ImportResult(null, [], $"Already imported: an article with the headline \"{page.ArticleHeadline}\"{(sourceUrl is null ? string.Empty : " or the source URL " + sourceUrl)} exists. Nothing was written.", []);
            }
        }

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

        // Everything is checked before anything is written, so a page that fails validation leaves no half import.
        var errors = new List<UserError>((await articleValidator.ValidateAsync(article, cancellationToken)).ToUserErrors());
        foreach (var item in items)
        {
            errors.AddRange((await tickerValidator.ValidateAsync(item, cancellationToken)).ToUserErrors());
        }

        if (errors.Count > 0)
        {
            return new ImportResult(null, [], null, errors);
        }

        var created = await articles.CreateAsync(article, Importer, cancellationToken);
        await RecordAsync("createArticle", created.Value, created.UserErrors);
        if (created.Value is null)
        {
            return new ImportResult(null, [], null, created.UserErrors);
        }

        var createdItems = new List<TickerItem>();
        foreach (var item in items)
        {
            var payload = await tickers.CreateAsync(item, cancellationToken);
            await RecordAsync("createTickerItem", payload.Value, payload.UserErrors);
            if (payload.Value is { } written)
            {
                createdItems.Add(written);
            }
        }

        return new ImportResult(created.Value, createdItems, null, []);
    }

    private Task RecordAsync(string operation, object? value, IReadOnlyList<UserError> userErrors) =>
        audit.RecordAsync(operation, Importer, AuditTrail.TargetOf(value, null),
            userErrors.Count == 0 ? AuditTrail.Ok : AuditTrail.UserErrors,
            userErrors.Count == 0 ? null : string.Join(',', userErrors.Select(e => e.Code).Distinct()));
}
