using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class ArticleOrderGraphType : EnumerationGraphType<ArticleOrder>
{
    public ArticleOrderGraphType()
    {
        Name = "ArticleOrder";
        Description = "Order of an article list, by publication time.";
        this.Describe("NEWEST", "Most recently published first.");
        this.Describe("OLDEST", "Earliest published first.");
    }
}
