namespace NewsApi.Features.Statistics;

/// <summary>Ticker items that went on air in the range.</summary>
public sealed record TickerActivity(int Items, IReadOnlyList<DayCount> PerDay, double? AverageOnAirMinutes, int StillOnAir);
