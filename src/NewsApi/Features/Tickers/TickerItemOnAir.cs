using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

/// <summary>A ticker item on air and the article it links to, when a reader may see it (<see cref="TickerReads.OnAirWithArticles"/>).</summary>
public sealed class TickerItemOnAir
{
    public required TickerItem Item { get; init; }

    public Article? Article { get; init; }
}
