using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class EmbedBlockGraphType : BlockGraphType
{
    public EmbedBlockGraphType()
        : base(BlockKind.Embed, "EmbedBlock", "Embedded third-party content.")
    {
        Field<NonNullGraphType<StringGraphType>>("url").Description("Address of the embedded content.").Resolve(context => context.Source.Url ?? string.Empty);
        Field<StringGraphType>("provider").Description("Who serves it, e.g. youtube or x.").Resolve(context => context.Source.Provider);
        Field<StringGraphType>("caption").Description("Caption shown with it.").Resolve(context => context.Source.Caption);
    }
}
