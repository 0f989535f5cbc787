using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

public sealed class TickerPriorityGraphType : EnumerationGraphType<TickerPriority>
{
    public TickerPriorityGraphType()
    {
        Name = "TickerPriority";
        Description = "How prominently a breaking-news item is shown; the ticker lists higher priorities first.";
        this.Describe("URGENT", "Breaking: shown first, usually highlighted.");
        this.Describe("HIGH", "Important.");
        this.Describe("NORMAL", "Routine latest news.");
    }
}
