using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tickers;

/// <summary>Ticker items by id, on air or not (held for review, scheduled, expired): for editors' <c>tickerItem(id:)</c> only, never for public paths.</summary>
public sealed class AnyStateTickerItemByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, TickerItem?>
{
    protected override async Task<IReadOnlyDictionary<int, TickerItem?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TickerItems.Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (TickerItem?)t, cancellationToken);
    }

    protected override TickerItem? Missing(int key) => null;
}
