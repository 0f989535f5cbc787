using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class BlockKindGraphType : EnumerationGraphType<BlockKind>
{
    public BlockKindGraphType()
    {
        Name = "BlockKind";
        Description = "What a body block is; each kind has its own object type implementing Block.";
        this.Describe("PARAGRAPH", "A paragraph of text.");
        this.Describe("QUOTE", "Quoted words with their attribution.");
        this.Describe("HEADING", "A heading inside the body.");
        this.Describe("IMAGE", "An image with caption and credit.");
        this.Describe("EMBED", "Embedded third-party content (video, post).");
    }
}
