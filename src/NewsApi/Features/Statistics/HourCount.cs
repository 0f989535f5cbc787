namespace NewsApi.Features.Statistics;

/// <summary>How many things happened in one newsroom-local hour of the day (0 to 23), over all days of the range.</summary>
public sealed record HourCount(int Hour, int Count);
