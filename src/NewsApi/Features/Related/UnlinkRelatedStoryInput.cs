namespace NewsApi.Features.Related;

public sealed record UnlinkRelatedStoryInput
{
    public required string FromId { get; init; }

    public required string ToId { get; init; }
}
