using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Statistics;

/// <summary>
/// The dashboard's counts, each one grouped query (two for the lists with a total) on a context of its own, so
/// the cost of a statistics request is a fixed number of commands whatever the size of the store.
/// </summary>
/// <remarks>
/// Two sets of articles: "created in the range" (CreatedAt in [from, to)) for the workflow views — by status and the
/// two gap lists, which leave archived articles out — and "published in the range" (status PUBLISHED and
/// PublishedAt in [from, to)) for output — by section, tag, author, day, hour and the cadence.
/// </remarks>
public sealed class DashboardStatistics(IDbContextFactory<NewsDbContext> contexts)
{
    private const long SecondsPerDay = 86_400;
    private const long SecondsPerHour = 3_600;

    public async Task<IReadOnlyList<StatusCount>> ByStatusAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Created(db, window)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        return [.. Enum.GetValues<ArticleStatus>().Select(status => new StatusCount(status, counts.GetValueOrDefault(status)))];
    }

    public async Task<IReadOnlyList<SectionCount>> BySectionAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Published(db, window)
            .GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.SectionId == null).ThenBy(c => c.SectionId)
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => new SectionCount(c.SectionId, c.Count))];
    }

    public async Task<IReadOnlyList<TagCount>> ByTagAsync(StatisticsWindow window, int first, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = Published(db, window).Select(a => a.Id);
        var counts = await db.ArticleTags
            .Where(t => published.Contains(t.ArticleId))
            .GroupBy(t => t.TagId)
            .Select(g => new { TagId = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.TagId)
            .Take(first)
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => new TagCount(c.TagId, c.Count))];
    }

    public async Task<IReadOnlyList<AuthorCount>> ByAuthorAsync(StatisticsWindow window, int first, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = Published(db, window).Select(a => a.Id);
        var counts = await db.ArticleAuthors
            .Where(a => published.Contains(a.ArticleId))
            .GroupBy(a => a.AuthorId)
            .Select(g => new { AuthorId = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.AuthorId)
            .Take(first)
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => new AuthorCount(c.AuthorId, c.Count))];
    }

    /// <summary>Every local day of the range, days without a publication included with zero.</summary>
    public async Task<IReadOnlyList<DayCount>> ByDayAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PerDayAsync(Published(db, window), window, a => a.PublishedAt!.Value, cancellationToken);
    }

    /// <summary>All 24 local hours of the day, summed over the range.</summary>
    public async Task<IReadOnlyList<HourCount>> ByHourAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Published(db, window)
            .Select(window.LocalSeconds<Article>(a => a.PublishedAt!.Value))
            .GroupBy(seconds => seconds % SecondsPerDay / SecondsPerHour)
            .Select(g => new { Hour = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => (int)c.Hour, c => c.Count, cancellationToken);
        return [.. Enumerable.Range(0, 24).Select(hour => new HourCount(hour, counts.GetValueOrDefault(hour)))];
    }

    public async Task<PublishingCadence> CadenceAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = await Published(db, window)
            .Select(a => StoreFunctions.UnixSeconds(a.PublishedAt!.Value))
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), First = g.Min(), Last = g.Max() })
            .SingleOrDefaultAsync(cancellationToken);
        if (totals is null)
        {
            return new PublishingCadence(0, 0, null, null, null);
        }

        // The mean gap between consecutive publications is the whole span shared out over the gaps.
        double? between = totals.Count > 1 ? (totals.Last - totals.First) / 60.0 / (totals.Count - 1) : null;
        return new PublishingCadence(
            totals.Count,
            totals.Count / window.LengthInDays,
            between,
            DateTime.UnixEpoch.AddSeconds(totals.First),
            DateTime.UnixEpoch.AddSeconds(totals.Last));
    }

    /// <summary>Items whose time on air started in the range; the average covers those already taken off air.</summary>
    public async Task<TickerActivity> TickerActivityAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var started = db.TickerItems.Where(t => t.StartsAt >= window.From && t.StartsAt < window.To);
        var totals = await started
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                StillOnAir = g.Count(t => t.ExpiresAt == null),
                AverageSeconds = g.Average(t => t.ExpiresAt == null
                    ? (double?)null
                    : (double)(StoreFunctions.UnixSeconds(t.ExpiresAt.Value) - StoreFunctions.UnixSeconds(t.StartsAt))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var perDay = await PerDayAsync(started, window, t => t.StartsAt, cancellationToken);
        return new TickerActivity(totals?.Count ?? 0, perDay, totals?.AverageSeconds / 60, totals?.StillOnAir ?? 0);
    }

    public Task<ArticleGap> WithoutTagsAsync(StatisticsWindow window, int first, CancellationToken cancellationToken) =>
        GapAsync(window, a => !a.Tags.Any(), first, cancellationToken);

    /// <summary>Articles with no curated related story (automatic suggestions are computed, never stored).</summary>
    public Task<ArticleGap> WithoutRelatedAsync(StatisticsWindow window, int first, CancellationToken cancellationToken) =>
        GapAsync(window, a => !a.RelatedLinks.Any(), first, cancellationToken);

    private async Task<ArticleGap> GapAsync(StatisticsWindow window, Expression<Func<Article, bool>> missing, int first, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var gap = Created(db, window).Where(a => a.Status != ArticleStatus.Archived).Where(missing);
        var total = await gap.CountAsync(cancellationToken);
        var newest = first == 0 || total == 0
            ? []
            : await gap.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(first).Select(ArticleSummary.Projection).ToListAsync(cancellationToken);
        return new ArticleGap(total, newest);
    }

    private static async Task<IReadOnlyList<DayCount>> PerDayAsync<T>(IQueryable<T> rows, StatisticsWindow window, Expression<Func<T, DateTime>> at, CancellationToken cancellationToken)
    {
        var counts = await rows
            .Select(window.LocalSeconds(at))
            .GroupBy(seconds => seconds / SecondsPerDay)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => StatisticsWindow.DayOf(c.Day), c => c.Count, cancellationToken);
        return [.. window.Days.Select(day => new DayCount(day, counts.GetValueOrDefault(day)))];
    }

    private static IQueryable<Article> Created(NewsDbContext db, StatisticsWindow window) =>
        db.Articles.Where(a => a.CreatedAt >= window.From && a.CreatedAt < window.To);

    private static IQueryable<Article> Published(NewsDbContext db, StatisticsWindow window) =>
        db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt >= window.From && a.PublishedAt < window.To);
}
