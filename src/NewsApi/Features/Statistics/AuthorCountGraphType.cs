using GraphQL.Types;
using NewsApi.Features.Authors;

namespace NewsApi.Features.Statistics;

public sealed class AuthorCountGraphType : ObjectGraphType<AuthorCount>
{
    public AuthorCountGraphType()
    {
        Name = "AuthorCount";
        Description = "Articles published in the range with one author on the byline.";
        Field<NonNullGraphType<AuthorGraphType>>("author")
            .Description("The author.")
            .Resolve(context => context.RequestServices!.GetRequiredService<AuthorByIdDataLoader>().LoadAsync(context.Source.AuthorId));
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many articles.").Resolve(context => context.Source.Count);
    }
}
