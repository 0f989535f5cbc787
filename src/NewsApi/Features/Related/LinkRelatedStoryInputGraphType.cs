using GraphQL.Types;

namespace NewsApi.Features.Related;

public sealed class LinkRelatedStoryInputGraphType : InputObjectGraphType<LinkRelatedStoryInput>
{
    public LinkRelatedStoryInputGraphType()
    {
        Name = "LinkRelatedStoryInput";
        Description = "A curated related-story link from one article to another.";
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("Global ID of the article that shows the link.");
        Field<NonNullGraphType<IdGraphType>>("toId").Description("Global ID of the related article; not the same article, not linked already.");
        Field<RelatedKindGraphType>("kind").Description("CURATED (default), FOLLOW_UP or BACKGROUND; AUTOMATIC is the API's own and cannot be stored.");
        Field<IntGraphType>("position").Description("Where among the curated links, from 0; after the last when not given.");
    }
}
