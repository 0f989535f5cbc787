using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tickers;

public sealed class TickerItemPayloadGraphType : PayloadGraphType<TickerItem, TickerItemGraphType>
{
    public TickerItemPayloadGraphType()
        : base("TickerItemPayload", "What a ticker mutation did: the item as now stored, or why nothing changed.", "tickerItem", "The item as now stored; null when there are user errors.")
    {
    }
}
