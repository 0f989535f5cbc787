using GraphQL.Types;

namespace NewsApi.Features.Related;

public sealed class UnlinkRelatedStoryInputGraphType : InputObjectGraphType<UnlinkRelatedStoryInput>
{
    public UnlinkRelatedStoryInputGraphType()
    {
        Name = "UnlinkRelatedStoryInput";
        Description = "The curated link to remove.";
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("Global ID of the article that shows the link.");
        Field<NonNullGraphType<IdGraphType>>("toId").Description("Global ID of the linked article.");
    }
}
