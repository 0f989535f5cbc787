using GraphQL.Types;

namespace NewsApi.Features.Articles;

public sealed class ArticleFilterInputGraphType : InputObjectGraphType<ArticleFilter>
{
    public ArticleFilterInputGraphType()
    {
        Name = "ArticleFilter";
        Description = "Narrows a list of articles. Conditions combine with AND.";
        Field(f => f.Section, nullable: true).Description("Section slug.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags")
            .Description($"Tag slugs, at most {ArticleFilter.MaxTags}; see tagsMatch.");
        Field<TagsMatchGraphType>("tagsMatch")
            .Description("ANY: an article with any of the tags; ALL: only articles with every tag.")
            .DefaultValue(TagsMatch.Any);
        Field(f => f.Author, nullable: true).Description("Author slug.");
        Field<DateTimeGraphType>("publishedAfter").Description("Only articles published strictly after this instant (UTC).");
        Field<DateTimeGraphType>("publishedBefore").Description("Only articles published strictly before this instant (UTC).");
        Field<ListGraphType<NonNullGraphType<ArticleStatusGraphType>>>("status")
            .Description("Workflow states to include. Anyone may ask for PUBLISHED; other states are for editors.");
    }
}
