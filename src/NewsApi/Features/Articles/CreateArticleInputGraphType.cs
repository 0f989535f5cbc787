using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class CreateArticleInputGraphType : InputObjectGraphType<CreateArticleInput>
{
    public CreateArticleInputGraphType()
    {
        Name = "CreateArticleInput";
        Description = "A new article. It is created as a DRAFT; publishArticle makes it public.";
        Field<NonNullGraphType<StringGraphType>>("headline").Description("The headline, exactly as it should appear.");
        this.AddArticleContentFields();
    }
}
