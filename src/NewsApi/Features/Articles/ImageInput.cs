namespace NewsApi.Features.Articles;

public sealed record ImageInput
{
    public required string Url { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public string? Alt { get; init; }
}
