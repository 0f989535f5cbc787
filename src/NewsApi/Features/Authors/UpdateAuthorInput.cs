namespace NewsApi.Features.Authors;

/// <summary>Changes to a author: fields left out (or null) keep their value.</summary>
public sealed record UpdateAuthorInput
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }
}
