using NewsApi.Data.Entities;

namespace NewsApi.Data.Seeding;

/// <summary>The sample page's content (placeholder until the seeding work lands).</summary>
public static class SampleContent
{
    public static async Task SeedAsync(NewsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.TickerItems.Add(new TickerItem { Headline = "placeholder", StartsAt = now, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
