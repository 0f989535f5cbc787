namespace NewsApi.Features.Articles;

public sealed record Image(string Url, string? Caption, string? Credit, string? Alt);
