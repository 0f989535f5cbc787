using GraphQL.Types;

namespace NewsApi.Features.Tickers;

public sealed class UpdateTickerItemInputGraphType : InputObjectGraphType<UpdateTickerItemInput>
{
    public UpdateTickerItemInputGraphType()
    {
        Name = "UpdateTickerItemInput";
        Description = "Changes to a ticker item. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the item.");
        Field<IntGraphType>("expectedVersion").Description("When given, a stale version gets CONFLICT and changes nothing.");
        Field<StringGraphType>("headline").Description("The headline, exactly as it should appear.");
        this.AddTickerItemFields();
    }
}
