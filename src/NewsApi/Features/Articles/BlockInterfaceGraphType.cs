using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class BlockInterfaceGraphType : InterfaceGraphType
{
    public BlockInterfaceGraphType()
    {
        Name = "Block";
        Description = "One block of an article body, in reading order. Select the fields of each kind with inline fragments.";
        Field<NonNullGraphType<BlockKindGraphType>>("kind").Description("Which kind of block this is.");
    }
}
