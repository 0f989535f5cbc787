using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>One body block as an editor sends it; which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record BlockInput
{
    public BlockKind Kind { get; init; }

    public string? Text { get; init; }

    public string? Attribution { get; init; }

    public int? Level { get; init; }

    public string? Url { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public string? Provider { get; init; }

    public ArticleBlock ToBlock() => new()
    {
        Kind = Kind,
        Text = Text,
        Attribution = Attribution,
        Level = Level,
        Url = Url,
        Caption = Caption,
        Credit = Credit,
        Provider = Provider,
    };
}
