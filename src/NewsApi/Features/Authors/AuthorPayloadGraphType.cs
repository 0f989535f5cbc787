using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

public sealed class AuthorPayloadGraphType : PayloadGraphType<Author, AuthorGraphType>
{
    public AuthorPayloadGraphType()
        : base("AuthorPayload", "What a author mutation did: the author as now stored, or why nothing changed.", "author", "The author as now stored; null when there are user errors.")
    {
    }
}
