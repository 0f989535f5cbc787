using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;

namespace NewsApi.Features.Sections;

public static class SectionQueries
{
    public static void AddSectionQueries(this ObjectGraphType query)
    {
        query.Field<SectionGraphType>("section")
            .Description("One section by slug, with its articles.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "Slug of the section.")
            .ResolveAsync(async context =>
            {
                var slug = context.GetArgument<string>("slug");
                await using var db = await context.RequestServices!.GetRequiredService<ReadContexts>().CreateDbContextAsync(context.CancellationToken);
                return await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("Every section, in navigation order.")
            .ResolveAsync(async context =>
            {
                await using var db = await context.RequestServices!.GetRequiredService<ReadContexts>().CreateDbContextAsync(context.CancellationToken);
                return await db.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(context.CancellationToken);
            });
    }
}
