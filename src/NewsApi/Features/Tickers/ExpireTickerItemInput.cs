namespace NewsApi.Features.Tickers;

public sealed record ExpireTickerItemInput
{
    public required string Id { get; init; }

    public int? ExpectedVersion { get; init; }
}
