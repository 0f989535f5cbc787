using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

public sealed class RelatedKindGraphType : EnumerationGraphType<RelatedKind>
{
    public RelatedKindGraphType()
    {
        Name = "RelatedKind";
        Description = "Why a story is listed as related.";
        this.Describe("CURATED", "Chosen by an editor.");
        this.Describe("FOLLOW_UP", "Chosen by an editor: a later development of the story.");
        this.Describe("BACKGROUND", "Chosen by an editor: context for the story.");
        this.Describe("AUTOMATIC", "Suggested by the API: a published story sharing tags (rarer tags weigh more) or similar text with this one, recent ones first; the reason says which.");
    }
}
