using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class ArticleTransitionInputGraphType : InputObjectGraphType<ArticleTransitionInput>
{
    public ArticleTransitionInputGraphType()
    {
        Name = "ArticleTransitionInput";
        Description = "The article to unpublish, archive or delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the article.");
        Field<IntGraphType>("expectedVersion").Description("When given, a stale version gets CONFLICT and changes nothing.");
    }
}
