using GraphQL;
using GraphQL.Types;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Search;

public static class SearchQueries
{
    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SearchConnectionGraphType>>("search")
            .Description(
                "Published articles matching a text, best first. Arabic-aware: hamza and alef forms, taa marbuta, alef maqsura, " +
                "diacritics, tatweel, Arabic-Indic digits and Latin case do not matter, and attached particles, the article and " +
                "common suffixes are stripped (والأردن finds الأردن). A query with nothing to look for gives an empty connection.")
            .Argument<NonNullGraphType<StringGraphType>>("query",
                $"Words that must all match; \"a phrase\" in double quotes; -word or -\"a phrase\" to exclude; the last word also " +
                $"matches as a prefix (سور finds سوريا). At most {SearchQuery.MaxLength} characters and {SearchQuery.MaxTerms} words.")
            .PagingArguments()
            .Argument<ArticleFilterInputGraphType>("where", "Conditions the articles must also meet, as for `articles`.")
            .Argument<SearchOrderGraphType>("orderBy", "RELEVANCE (default) or NEWEST.", argument => argument.DefaultValue = SearchOrder.Relevance)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ArticleSearch>().PageAsync(
                context.GetArgument<string>("query"),
                context.GetArgument<ArticleFilter?>("where") ?? new ArticleFilter(),
                context.GetArgument("orderBy", SearchOrder.Relevance),
                PageRequest.From(context),
                context.CancellationToken));
    }
}
