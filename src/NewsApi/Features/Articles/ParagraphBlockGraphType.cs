using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class ParagraphBlockGraphType : BlockGraphType
{
    public ParagraphBlockGraphType()
        : base(BlockKind.Paragraph, "ParagraphBlock", "A paragraph of text.")
    {
        Field<NonNullGraphType<StringGraphType>>("text").Description("The paragraph, exactly as written.").Resolve(context => context.Source.Text ?? string.Empty);
    }
}
