using NewsApi.Data.Entities;

namespace NewsApi.Features.Tags;

/// <summary>A new tag. Without a slug, one is made from the English name, else the Arabic one.</summary>
public sealed record CreateTagInput
{
    public required string Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public TagKind? Kind { get; init; }
}
