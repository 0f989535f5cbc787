using GraphQL.Types;

namespace NewsApi.Features.Tickers;

public sealed class CreateTickerItemInputGraphType : InputObjectGraphType<CreateTickerItemInput>
{
    public CreateTickerItemInputGraphType()
    {
        Name = "CreateTickerItemInput";
        Description = "A new breaking-news item. Only the headline is required.";
        Field<NonNullGraphType<StringGraphType>>("headline").Description("The headline, exactly as it should appear.");
        this.AddTickerItemFields();
    }
}
