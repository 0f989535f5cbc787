namespace NewsApi.Features.Articles;

public sealed record ShareLink(string Network, string Url);
