namespace NewsApi.Features.Articles;

public sealed record PublishArticleInput
{
    public required string Id { get; init; }

    /// <summary>Null: now. A future time schedules the article instead.</summary>
    public DateTime? At { get; init; }

    public int? ExpectedVersion { get; init; }
}
