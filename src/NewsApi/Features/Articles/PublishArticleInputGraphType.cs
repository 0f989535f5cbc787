using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class PublishArticleInputGraphType : InputObjectGraphType<PublishArticleInput>
{
    public PublishArticleInputGraphType()
    {
        Name = "PublishArticleInput";
        Description = "Publish now, or schedule for later.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the article.");
        Field<DateTimeGraphType>("at").Description("When to publish, in the future: the article becomes SCHEDULED and publishes itself then. Leave out to publish now.");
        Field<IntGraphType>("expectedVersion").Description("When given, a stale version gets CONFLICT and changes nothing.");
    }
}
