using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

public static class TickerVisibility
{
    /// <summary>On air: started, and not expired.</summary>
    public static IQueryable<TickerItem> Active(this IQueryable<TickerItem> items, DateTime now) =>
        items.Where(t => t.StartsAt <= now && (t.ExpiresAt == null || t.ExpiresAt > now));

    /// <summary>The ticker's order: priority, then the most recent first.</summary>
    public static IQueryable<TickerItem> InTickerOrder(this IQueryable<TickerItem> items) =>
        items.OrderBy(t => t.Priority).ThenByDescending(t => t.StartsAt).ThenBy(t => t.Position).ThenByDescending(t => t.Id);
}
