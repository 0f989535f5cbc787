namespace NewsApi.Features.Authors;

/// <summary>A new author. Without a slug, one is made from the English name, else the Arabic one.</summary>
public sealed record CreateAuthorInput
{
    public required string Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }
}
