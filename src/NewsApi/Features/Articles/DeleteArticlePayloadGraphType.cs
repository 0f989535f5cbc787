using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public sealed class DeleteArticlePayloadGraphType : PayloadGraphType<string, IdGraphType>
{
    public DeleteArticlePayloadGraphType()
        : base("DeleteArticlePayload", "What deleteArticle did: the ID of the deleted article, or why nothing changed.", "deletedArticleId", "Global ID of the article that no longer exists; null when there are user errors.")
    {
    }
}
