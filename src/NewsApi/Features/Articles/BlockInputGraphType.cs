using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class BlockInputGraphType : InputObjectGraphType<BlockInput>
{
    public BlockInputGraphType()
    {
        Name = "BlockInput";
        Description = "One body block. PARAGRAPH, QUOTE and HEADING need text; IMAGE and EMBED need url.";
        Field<NonNullGraphType<BlockKindGraphType>>("kind").Description("What the block is.");
        Field(b => b.Text, nullable: true).Description("Paragraph, quote or heading text; alt text of an image.");
        Field(b => b.Attribution, nullable: true).Description("Who is quoted, for a QUOTE.");
        Field(b => b.Level, nullable: true).Description("Heading level, 2 to 4, for a HEADING.");
        Field(b => b.Url, nullable: true).Description("Address of an IMAGE or EMBED.");
        Field(b => b.Caption, nullable: true).Description("Caption of an IMAGE.");
        Field(b => b.Credit, nullable: true).Description("Credit of an IMAGE.");
        Field(b => b.Provider, nullable: true).Description("Provider of an EMBED (\"youtube\", \"x\").");
    }
}
