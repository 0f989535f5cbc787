using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>Shared shape of the block object types: each matches the stored blocks of one kind.</summary>
public abstract class BlockGraphType : ObjectGraphType<ArticleBlock>
{
    protected BlockGraphType(BlockKind kind, string name, string description)
    {
        Name = name;
        Description = description;
        Interface<BlockInterfaceGraphType>();
        IsTypeOf = value => value is ArticleBlock block && block.Kind == kind;
        Field<NonNullGraphType<BlockKindGraphType>>("kind").Description("Which kind of block this is.").Resolve(context => context.Source.Kind);
    }
}
