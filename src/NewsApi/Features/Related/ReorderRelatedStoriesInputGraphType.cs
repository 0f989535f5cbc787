using GraphQL.Types;

namespace NewsApi.Features.Related;

public sealed class ReorderRelatedStoriesInputGraphType : InputObjectGraphType<ReorderRelatedStoriesInput>
{
    public ReorderRelatedStoriesInputGraphType()
    {
        Name = "ReorderRelatedStoriesInput";
        Description = "A new order for an article's curated links.";
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("Global ID of the article that shows the links.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("toIds")
            .Description("Every linked article's global ID, each once, in the new order.");
    }
}
