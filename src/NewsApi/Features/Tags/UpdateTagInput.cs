using NewsApi.Data.Entities;

namespace NewsApi.Features.Tags;

/// <summary>Changes to a tag: fields left out (or null) keep their value.</summary>
public sealed record UpdateTagInput
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public TagKind? Kind { get; init; }
}
