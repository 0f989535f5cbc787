namespace NewsApi.Features.Related;

public sealed record ReorderRelatedStoriesInput
{
    public required string FromId { get; init; }

    public required IReadOnlyList<string> ToIds { get; init; }
}
