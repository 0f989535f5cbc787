using GraphQL.Types;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Statistics;

public sealed class ArticleGapGraphType : ObjectGraphType<ArticleGap>
{
    public ArticleGapGraphType()
    {
        Name = "ArticleGap";
        Description = "Articles created in the range (archived ones aside) that lack something an editor should add.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many such articles.").Resolve(context => context.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("articles").Description("The newest of them, at most `first`.").Resolve(context => context.Source.Articles);
    }
}
