using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Sync;

public sealed class ChangeKindGraphType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindGraphType()
    {
        Name = "ChangeKind";
        Description = "What an offline copy should do with a changed object.";
        this.Describe("UPSERT", "Store `node`, replacing any older copy.");
        this.Describe("DELETE", "Remove the object: it was unpublished, expired or deleted (a tombstone; `node` is null).");
    }
}
