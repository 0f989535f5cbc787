using GraphQL.Types;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Statistics;

public sealed class StatusCountGraphType : ObjectGraphType<StatusCount>
{
    public StatusCountGraphType()
    {
        Name = "StatusCount";
        Description = "Articles created in the range that are now in one workflow state.";
        Field<NonNullGraphType<ArticleStatusGraphType>>("status").Description("The workflow state.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many articles.").Resolve(context => context.Source.Count);
    }
}
