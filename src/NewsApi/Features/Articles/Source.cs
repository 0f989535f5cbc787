namespace NewsApi.Features.Articles;

public sealed record Source(string Name, string? Url);
