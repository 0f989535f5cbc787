using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;

namespace NewsApi.Features.Authors;

public static class AuthorQueries
{
    public static void AddAuthorQueries(this ObjectGraphType query)
    {
        query.Field<AuthorGraphType>("author")
            .Description("One author by slug, with their articles.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "Slug of the author.")
            .ResolveAsync(async context =>
            {
                var slug = context.GetArgument<string>("slug");
                await using var db = await context.RequestServices!.GetRequiredService<ReadContexts>().CreateDbContextAsync(context.CancellationToken);
                return await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, context.CancellationToken);
            });
    }
}
