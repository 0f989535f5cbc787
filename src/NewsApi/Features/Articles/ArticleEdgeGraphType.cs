using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class ArticleEdgeGraphType() : EdgeGraphType<ArticleGraphType, Article>(ArticleGraphType.TypeName);
