using GraphQL.Types;

namespace NewsApi.Features.Tickers;

public sealed class ExpireTickerItemInputGraphType : InputObjectGraphType<ExpireTickerItemInput>
{
    public ExpireTickerItemInputGraphType()
    {
        Name = "ExpireTickerItemInput";
        Description = "The ticker item to take off the air now.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the item.");
        Field<IntGraphType>("expectedVersion").Description("When given, a stale version gets CONFLICT and changes nothing.");
    }
}
