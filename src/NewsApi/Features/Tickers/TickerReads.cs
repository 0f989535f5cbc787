using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

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
}
