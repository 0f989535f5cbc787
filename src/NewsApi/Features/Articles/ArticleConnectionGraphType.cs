using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class ArticleConnectionGraphType() : ConnectionGraphType<ArticleGraphType, Article, ArticleEdgeGraphType>(ArticleGraphType.TypeName);
