using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Tickers;

/// <summary>
/// The ticker as PostgreSQL reads it, compiled: every app polls it, and EF otherwise walks, hashes and compares the
/// query's expression tree on every execution before it finds the cached SQL. The conditions are
/// <see cref="TickerVisibility.Active"/>'s and the order <see cref="TickerVisibility.InTickerOrder"/>'s (a compiled
/// lambda cannot call them): change them together; the ticker's tests run on both stores, SQLite through the composed query.
/// </summary>
public static class TickerReads
{
    public static readonly Func<PostgresNewsDbContext, DateTime, int, IAsyncEnumerable<TickerItem>> OnAir =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, DateTime now, int count) => db.TickerItems
            .Where(t => t.StartsAt <= now && (t.ExpiresAt == null || t.ExpiresAt > now))
            .OrderBy(t => t.Priority).ThenByDescending(t => t.StartsAt).ThenBy(t => t.Position).ThenByDescending(t => t.Id)
            .Take(count));

    /// <summary>
    /// <see cref="OnAir"/> with each item's article when a reader may see it (the conditions of
    /// <see cref="ArticleVisibility.PubliclyVisible"/>): a ticker that shows its articles, in one statement. The
    /// articles went through <see cref="ArticleByIdDataLoader"/>, a second statement that PostgreSQL planned anew
    /// each time (<c>id = ANY($1)</c>).
    /// </summary>
    public static readonly Func<PostgresNewsDbContext, DateTime, int, IAsyncEnumerable<TickerItemOnAir>> OnAirWithArticles =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, DateTime now, int count) => db.TickerItems
            .Where(t => t.StartsAt <= now && (t.ExpiresAt == null || t.ExpiresAt > now))
            .OrderBy(t => t.Priority).ThenByDescending(t => t.StartsAt).ThenBy(t => t.Position).ThenByDescending(t => t.Id)
            .Take(count)
            .Select(t => new TickerItemOnAir
            {
                Item = t,
                Article = db.Articles
                    .Where(a => a.Id == t.ArticleId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                    .Select(ArticleSummary.Projection)
                    .FirstOrDefault(),
            }));
}
