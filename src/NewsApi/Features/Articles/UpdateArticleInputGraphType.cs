using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class UpdateArticleInputGraphType : InputObjectGraphType<UpdateArticleInput>
{
    public UpdateArticleInputGraphType()
    {
        Name = "UpdateArticleInput";
        Description = "Changes to an article. Fields left out keep their value; lists that are given replace the old ones.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID of the article.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version the editor last saw; a stale one gets CONFLICT and changes nothing.");
        Field<StringGraphType>("headline").Description("The headline, exactly as it should appear.");
        this.AddArticleContentFields();
    }
}
