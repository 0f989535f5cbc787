using GraphQL.Types;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Related;

public sealed class RelatedStoryGraphType : ObjectGraphType<RelatedStory>
{
    public RelatedStoryGraphType()
    {
        Name = "RelatedStory";
        Description = "A story related to an article, and why.";
        Field<NonNullGraphType<ArticleGraphType>>("article")
            .Description("The related article; always published.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ArticleByIdDataLoader>().LoadAsync(context.Source.ArticleId));
        Field<NonNullGraphType<RelatedKindGraphType>>("kind").Description("Curated by an editor, or AUTOMATIC.").Resolve(context => context.Source.Kind);
        Field(r => r.Reason, nullable: true).Description("For AUTOMATIC stories, why they were suggested: \"3 shared tags\", \"similar text\", or both (\"2 shared tags, similar text\").");
    }
}
