namespace NewsApi.Features.Sections;

/// <summary>Changes to a section: fields left out (or null) keep their value.</summary>
public sealed record UpdateSectionInput
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public int? Position { get; init; }
}
