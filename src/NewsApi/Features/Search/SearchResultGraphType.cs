using GraphQL.Types;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Search;

public sealed class SearchResultGraphType : ObjectGraphType<SearchResult>
{
    public const string TypeName = "SearchResult";

    public SearchResultGraphType()
    {
        Name = TypeName;
        Description = "An article that matches a search, with the passage that matched.";
        Field<NonNullGraphType<ArticleGraphType>>("article").Description("The matching article; always published.").Resolve(context => context.Source.Article);
        Field(r => r.Snippet).Description(
            "Up to 30 words around the first match (standfirst, then body), cut at word boundaries with … where cut. Matched words are " +
            "wrapped in U+E000 (start) and U+E001 (end). Plain text: HTML-escape it, then replace the markers with <mark> and </mark>.");
        Field(r => r.Score).Description("Relevance, higher is better; comparable only among the results of one query on one store.");
    }
}
