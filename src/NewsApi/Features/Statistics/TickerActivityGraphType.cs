using GraphQL.Types;

namespace NewsApi.Features.Statistics;

public sealed class TickerActivityGraphType : ObjectGraphType<TickerActivity>
{
    public TickerActivityGraphType()
    {
        Name = "TickerActivity";
        Description = "Ticker items whose time on air started in the range.";
        Field<NonNullGraphType<IntGraphType>>("items").Description("How many items went on air.").Resolve(context => context.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayCountGraphType>>>>("perDay").Description("Items that went on air, per local day; every day of the range is listed.").Resolve(context => context.Source.PerDay);
        Field<FloatGraphType>("averageOnAirMinutes").Description("Mean minutes from start to expiry of the items already taken off air; null when none is.").Resolve(context => context.Source.AverageOnAirMinutes);
        Field<NonNullGraphType<IntGraphType>>("stillOnAir").Description("Items without an expiry: on air until an editor expires them, left out of the average.").Resolve(context => context.Source.StillOnAir);
    }
}
