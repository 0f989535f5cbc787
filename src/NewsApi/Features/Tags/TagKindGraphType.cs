using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Tags;

public sealed class TagKindGraphType : EnumerationGraphType<TagKind>
{
    public TagKindGraphType()
    {
        Name = "TagKind";
        Description = "What a tag names.";
        this.Describe("TOPIC", "A subject (elections, oil prices).");
        this.Describe("PERSON", "A person (ترامب).");
        this.Describe("PLACE", "A country, city or region (العراق).");
        this.Describe("ORGANISATION", "A government body, party, company or armed group (داعش).");
    }
}
