using System.Text.Json;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>A ticker item as it stood when an event was recorded: enough to show it, or to take it down.</summary>
public sealed record TickerSnapshot(
    int Id,
    string Headline,
    string? Excerpt,
    int? ArticleId,
    TickerPriority Priority,
    DateTime StartsAt,
    DateTime? ExpiresAt,
    int Position,
    string Lang,
    DateTime UpdatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TickerSnapshot Of(TickerItem item) =>
        new(item.Id, item.Headline, item.Excerpt, item.ArticleId, item.Priority, item.StartsAt, item.ExpiresAt, item.Position, item.Lang, item.UpdatedAt);

    public static TickerItem Restore(string json)
    {
        var snapshot = JsonSerializer.Deserialize<TickerSnapshot>(json, Json) ?? throw new JsonException("Empty ticker snapshot.");
        return new TickerItem
        {
            Id = snapshot.Id,
            Headline = snapshot.Headline,
            Excerpt = snapshot.Excerpt,
            ArticleId = snapshot.ArticleId,
            Priority = snapshot.Priority,
            StartsAt = DateTime.SpecifyKind(snapshot.StartsAt, DateTimeKind.Utc),
            ExpiresAt = snapshot.ExpiresAt is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null,
            Position = snapshot.Position,
            Lang = snapshot.Lang,
            UpdatedAt = DateTime.SpecifyKind(snapshot.UpdatedAt, DateTimeKind.Utc),
        };
    }
}
