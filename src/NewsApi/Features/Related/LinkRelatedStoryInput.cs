using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

public sealed record LinkRelatedStoryInput
{
    public required string FromId { get; init; }

    public required string ToId { get; init; }

    public RelatedKind? Kind { get; init; }

    /// <summary>Null: after the existing links.</summary>
    public int? Position { get; init; }
}
