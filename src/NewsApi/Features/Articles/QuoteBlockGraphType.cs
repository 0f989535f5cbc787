using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class QuoteBlockGraphType : BlockGraphType
{
    public QuoteBlockGraphType()
        : base(BlockKind.Quote, "QuoteBlock", "Quoted words and who said or reported them.")
    {
        Field<NonNullGraphType<StringGraphType>>("text").Description("The quoted words, without quotation marks.").Resolve(context => context.Source.Text ?? string.Empty);
        Field<StringGraphType>("attribution").Description("Who is quoted, or the outlet that reported it.").Resolve(context => context.Source.Attribution);
    }
}
