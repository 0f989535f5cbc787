using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class ArticlePayloadGraphType : PayloadGraphType<Article, ArticleGraphType>
{
    public ArticlePayloadGraphType()
        : base("ArticlePayload", "What an article mutation did: the article as now stored, or why nothing changed.", "article", "The article as now stored; null when there are user errors.")
    {
    }
}
