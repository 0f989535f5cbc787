using GraphQL.Types;

namespace NewsApi.Features.Articles;

/// <summary>The input fields createArticle and updateArticle share, declared once so both describe them alike.</summary>
internal static class ArticleContentFields
{
    public static void AddArticleContentFields<T>(this InputObjectGraphType<T> type)
        where T : IArticleContent
    {
        type.Field<StringGraphType>("standfirst").Description("Summary shown under the headline and in lists.");
        type.Field<ListGraphType<NonNullGraphType<BlockInputGraphType>>>("body").Description("The body, in order; replaces the whole body.");
        type.Field<StringGraphType>("sectionSlug").Description("Slug of the section it belongs to.");
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tagSlugs")
            .Description($"Tag slugs, main subject first; at most {ArticleContentValidator.MaxTags}, each once.");
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("authorSlugs").Description("Author slugs, in byline order.");
        type.Field<StringGraphType>("lang").Description("BCP 47 language of the text; \"ar\" when not given.");
        type.Field<StringGraphType>("slug").Description("URL slug; made from the headline when not given. Lower-case, Arabic allowed, words joined by hyphens.");
        type.Field<ImageInputGraphType>("heroImage").Description("The lead image.");
        type.Field<StringGraphType>("canonicalUrl").Description("The article's address on the newsroom's site.");
        type.Field<StringGraphType>("sourceName").Description("Agency or outlet the story comes from.");
        type.Field<StringGraphType>("sourceUrl").Description("Address of the source.");
        type.Field<BooleanGraphType>("showInRelated").Description("False keeps the article out of automatic related stories.");
    }
}
