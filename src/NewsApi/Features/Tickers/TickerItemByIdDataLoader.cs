using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tickers;

/// <summary>Ticker items on air, by id (for node); null for expired or future items.</summary>
public sealed class TickerItemByIdDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock) : BatchDataLoader<int, TickerItem?>
{
    protected override async Task<IReadOnlyDictionary<int, TickerItem?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TickerItems.Active(clock.Now).Where(t => keys.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (TickerItem?)t, cancellationToken);
    }

    protected override TickerItem? Missing(int key) => null;
}
