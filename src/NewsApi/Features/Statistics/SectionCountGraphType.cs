using GraphQL.Types;
using NewsApi.Features.Sections;

namespace NewsApi.Features.Statistics;

public sealed class SectionCountGraphType : ObjectGraphType<SectionCount>
{
    public SectionCountGraphType()
    {
        Name = "SectionCount";
        Description = "Articles published in the range in one section.";
        Field<SectionGraphType>("section")
            .Description("The section; null counts the articles that have none.")
            .Resolve(context => context.Source.SectionId is { } id ? context.RequestServices!.GetRequiredService<SectionByIdDataLoader>().LoadAsync(id) : null);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many articles.").Resolve(context => context.Source.Count);
    }
}
