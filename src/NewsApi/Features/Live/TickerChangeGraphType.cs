using GraphQL.Types;
using NewsApi.Features.Tickers;

namespace NewsApi.Features.Live;

public sealed class TickerChangeGraphType : ObjectGraphType<TickerChange>
{
    public TickerChangeGraphType()
    {
        Name = "TickerChange";
        Description = "One change to the breaking-news ticker.";
        Field<NonNullGraphType<TickerChangeKindGraphType>>("kind").Description("What happened.").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<TickerItemGraphType>>("item").Description("The item as it was when the change happened.").Resolve(context => context.Source.Item);
        Field<NonNullGraphType<StringGraphType>>("sequence")
            .Description("Position in the event stream: pass the last one you saw as `since` to resume without gaps or repeats.")
            .Resolve(context => context.Source.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
