using GraphQL.Types;

namespace NewsApi.Features.Tickers;

/// <summary>The input fields createTickerItem and updateTickerItem share.</summary>
internal static class TickerItemFields
{
    public static void AddTickerItemFields<T>(this InputObjectGraphType<T> type)
    {
        type.Field<StringGraphType>("excerpt").Description("A one-line excerpt, as the editor cut it.");
        type.Field<IdGraphType>("articleId").Description("Global ID of the full story, if any.");
        type.Field<TickerPriorityGraphType>("priority").Description("How prominently to show it; NORMAL when not given.");
        type.Field<DateTimeGraphType>("startsAt").Description("When it goes on air, UTC; now when not given.");
        type.Field<DateTimeGraphType>("expiresAt").Description("When it leaves the air, UTC; after startsAt. Null: until an editor expires it.");
        type.Field<IntGraphType>("position").Description("Manual order among items of equal priority and start.");
        type.Field<StringGraphType>("lang").Description("BCP 47 language of headline and excerpt; \"ar\" when not given.");
    }
}
