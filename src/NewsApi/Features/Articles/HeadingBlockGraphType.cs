using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class HeadingBlockGraphType : BlockGraphType
{
    public HeadingBlockGraphType()
        : base(BlockKind.Heading, "HeadingBlock", "A heading inside the body.")
    {
        Field<NonNullGraphType<StringGraphType>>("text").Description("The heading text.").Resolve(context => context.Source.Text ?? string.Empty);
        Field<NonNullGraphType<IntGraphType>>("level").Description("Heading level, 2 to 4 (the headline is level 1).").Resolve(context => context.Source.Level ?? 2);
    }
}
