using System.Linq.Expressions;
using NewsApi.Data;

namespace NewsApi.Features.Statistics;

/// <summary>
/// The date range a statistics query covers, and how its instants map to the newsroom's wall clock.
/// </summary>
/// <remarks>
/// Days and hours are bucketed in SQL on "local seconds": <c>UnixSeconds(at) + offset</c>, divided by 86,400 for the
/// day and taken modulo 86,400 then divided by 3,600 for the hour. Plain integer arithmetic, identical on SQLite
/// and PostgreSQL, with no reliance on either store's time-zone database or session zone. The offset is the zone's
/// UTC offset at that instant: the range is cut at each of the zone's offset changes (found here with .NET's zone
/// rules) and the SQL picks the segment's offset with a CASE on the instant, so daylight saving is bucketed
/// correctly too. A zone without changes in the range (e.g. Asia/Baghdad) is a single constant offset.
/// </remarks>
public sealed class StatisticsWindow
{
    public const int MaxDays = 366;

    private StatisticsWindow(DateTime from, DateTime to, TimeZoneInfo zone, IReadOnlyList<(long StartsAt, long Offset)> segments)
    {
        From = from;
        To = to;
        Zone = zone;
        Segments = segments;
    }

    /// <summary>Start of the range, inclusive, UTC.</summary>
    public DateTime From { get; }

    /// <summary>End of the range, exclusive, UTC.</summary>
    public DateTime To { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Unix second each constant-offset stretch starts at, and its offset in seconds; the first starts at <see cref="From"/>.</summary>
    public IReadOnlyList<(long StartsAt, long Offset)> Segments { get; }

    /// <summary>The local calendar days the range touches, first to last.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(From, Zone));
            var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(To.AddTicks(-1), Zone));
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>Length of the range in days (fractional), for per-day averages.</summary>
    public double LengthInDays => (To - From).TotalDays;

    /// <summary>The window over [<paramref name="from"/>, <paramref name="to"/>); the caller has checked the range (<see cref="Problem"/>).</summary>
    public static StatisticsWindow Create(DateTime from, DateTime to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        from = AsUtc(from);
        to = AsUtc(to);
        var segments = new List<(long, long)> { (ToUnix(from), OffsetAt(zone, from)) };

        // Offsets change on whole minutes; walk the range an hour at a time and pin each change to its minute.
        for (var probe = from.AddHours(1); probe < to.AddHours(1); probe = probe.AddHours(1))
        {
            var previous = probe.AddHours(-1);
            if (OffsetAt(zone, probe) == OffsetAt(zone, previous))
            {
                continue;
            }

            var (low, high) = (previous, probe);
            while ((high - low).TotalMinutes > 1)
            {
                var middle = low.AddMinutes(Math.Floor((high - low).TotalMinutes / 2));
                (low, high) = OffsetAt(zone, middle) == OffsetAt(zone, previous) ? (middle, high) : (low, middle);
            }

            if (high < to)
            {
                segments.Add((ToUnix(high), OffsetAt(zone, high)));
            }
        }

        return new StatisticsWindow(from, to, zone, segments);
    }

    /// <summary>Why a range cannot be counted over, or null when it can.</summary>
    public static string? Problem(DateTime from, DateTime to)
    {
        var length = AsUtc(to) - AsUtc(from);
        if (length <= TimeSpan.Zero)
        {
            return "`to` must be after `from`.";
        }

        return length > TimeSpan.FromDays(MaxDays) ? $"The range may span at most {MaxDays} days; it spans {length.TotalDays:0.##}." : null;
    }

    /// <summary>Seconds since the epoch on the newsroom's wall clock at <paramref name="at"/>, as a SQL expression.</summary>
    public Expression<Func<T, long>> LocalSeconds<T>(Expression<Func<T, DateTime>> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var unix = Expression.Call(typeof(StoreFunctions).GetMethod(nameof(StoreFunctions.UnixSeconds))!, at.Body);
        Expression offset = Expression.Constant(Segments[^1].Offset);
        for (var i = Segments.Count - 1; i > 0; i--)
        {
            offset = Expression.Condition(
                Expression.LessThan(unix, Expression.Constant(Segments[i].StartsAt)),
                Expression.Constant(Segments[i - 1].Offset),
                offset);
        }

        return Expression.Lambda<Func<T, long>>(Expression.Add(unix, offset), at.Parameters);
    }

    /// <summary>The local day a "local seconds" day number (local seconds / 86,400) stands for.</summary>
    public static DateOnly DayOf(long dayNumber) => DateOnly.FromDayNumber((int)(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + dayNumber));

    // A time without a zone is taken as UTC, like every time the API hands out.
    private static DateTime AsUtc(DateTime at) => at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime();

    private static long OffsetAt(TimeZoneInfo zone, DateTime utc) => (long)zone.GetUtcOffset(utc).TotalSeconds;

    private static long ToUnix(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalSeconds);
}
