namespace NewsApi.Features.Statistics;

/// <summary>How many things happened on one newsroom-local calendar day.</summary>
public sealed record DayCount(DateOnly Day, int Count);
