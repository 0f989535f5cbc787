using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Tickers;

/// <summary>Writes ticker items; a stale expectedVersion gets CONFLICT through the Version concurrency token.</summary>
public sealed class TickerEditor(IDbContextFactory<NewsDbContext> contexts, TimeProvider clock)
{
    public async Task<Payload<TickerItem>> CreateAsync(CreateTickerItemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = Add(db, input);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<TickerItem>.Ok(item);
    }

    /// <summary>Adds a new item to <paramref name="db"/> without saving: the caller's save (and transaction) writes it.</summary>
    internal TickerItem Add(NewsDbContext db, CreateTickerItemInput input)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new TickerItem
        {
            Headline = input.Headline,
            Excerpt = input.Excerpt,
            ArticleId = input.ArticleId is { } articleId ? ArticleIdRules.ArticleKey(articleId) : null,
            Priority = input.Priority ?? TickerPriority.Normal,
            StartsAt = input.StartsAt?.ToUniversalTime() ?? now,
            ExpiresAt = input.ExpiresAt?.ToUniversalTime(),
            Position = input.Position ?? 0,
            Lang = input.Lang ?? "ar",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TickerItems.Add(item);
        return item;
    }

    public Task<Payload<TickerItem>> UpdateAsync(UpdateTickerItemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WriteAsync(input.Id, input.ExpectedVersion, (item, _) =>
        {
            item.Headline = input.Headline ?? item.Headline;
            item.Excerpt = input.Excerpt ?? item.Excerpt;
            item.ArticleId = input.ArticleId is { } articleId ? ArticleIdRules.ArticleKey(articleId) : item.ArticleId;
            item.Priority = input.Priority ?? item.Priority;
            item.StartsAt = input.StartsAt?.ToUniversalTime() ?? item.StartsAt;
            item.ExpiresAt = input.ExpiresAt?.ToUniversalTime() ?? item.ExpiresAt;
            item.Position = input.Position ?? item.Position;
            item.Lang = input.Lang ?? item.Lang;
            return item.ExpiresAt is { } expires && expires <= item.StartsAt
                ? new UserError(UserErrorCodes.InvalidTime, ["input", "expiresAt"], NewsLanguageManager.Format(NewsLanguageManager.NotAfterStart, ("PropertyName", "expiresAt")))
                : null;
        }, cancellationToken);
    }

    public Task<Payload<TickerItem>> ExpireAsync(ExpireTickerItemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WriteAsync(input.Id, input.ExpectedVersion, (item, now) =>
        {
            if (item.ExpiresAt <= now)
            {
                return null;
            }

            // "Expires after it starts" is a check constraint, and PostgreSQL keeps microseconds only: an item that
            // started within the last second (or has not aired yet) is moved back a second rather than risk a tie.
            if (item.StartsAt > now.AddSeconds(-1))
            {
                item.StartsAt = now.AddSeconds(-1);
            }

            item.ExpiresAt = now;
            return null;
        }, cancellationToken);
    }

    private async Task<Payload<TickerItem>> WriteAsync(string globalId, int? expectedVersion, Func<TickerItem, DateTime, UserError?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = GlobalId.Expect(TickerItemGraphType.TypeName, globalId);
        var item = await db.TickerItems.AsTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (item is null)
        {
            return Payload<TickerItem>.Failed(UserError.NotFound(["input", "id"], "tickerItem", globalId));
        }

        var expected = expectedVersion ?? item.Version;
        if (expected != item.Version)
        {
            return Payload<TickerItem>.Failed(ArticleEditor.Conflict(expected, item.Version));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (change(item, now) is { } refusal)
        {
            return Payload<TickerItem>.Failed(refusal);
        }

        item.Version++;
        item.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await fresh.TickerItems.Where(t => t.Id == id).Select(t => t.Version).FirstOrDefaultAsync(cancellationToken);
            return Payload<TickerItem>.Failed(ArticleEditor.Conflict(expected, current));
        }

        return Payload<TickerItem>.Ok(item);
    }
}
