using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Live;

public sealed class TickerChangeKindGraphType : EnumerationGraphType<TickerChangeKind>
{
    public TickerChangeKindGraphType()
    {
        Name = "TickerChangeKind";
        Description = "What happened to a ticker item.";
        this.Describe("ADDED", "Went on air: show it.");
        this.Describe("UPDATED", "Changed while on air: replace it.");
        this.Describe("EXPIRED", "Reached its expiry: take it down.");
        this.Describe("REMOVED", "Deleted by an editor: take it down.");
    }
}
