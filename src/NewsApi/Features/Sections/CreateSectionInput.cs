namespace NewsApi.Features.Sections;

/// <summary>A new section. Without a slug, one is made from the English name, else the Arabic one.</summary>
public sealed record CreateSectionInput
{
    public required string Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public int? Position { get; init; }
}
