using GraphQL.Types;
using NewsApi.Features.Tags;

namespace NewsApi.Features.Statistics;

public sealed class TagCountGraphType : ObjectGraphType<TagCount>
{
    public TagCountGraphType()
    {
        Name = "TagCount";
        Description = "Articles published in the range that carry one tag.";
        Field<NonNullGraphType<TagGraphType>>("tag")
            .Description("The tag.")
            .Resolve(context => context.RequestServices!.GetRequiredService<TagByIdDataLoader>().LoadAsync(context.Source.TagId));
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many articles.").Resolve(context => context.Source.Count);
    }
}
