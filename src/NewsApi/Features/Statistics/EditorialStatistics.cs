namespace NewsApi.Features.Statistics;

/// <summary>The parent of the dashboard's statistics: each field runs its own grouped query over <see cref="Window"/> only when selected.</summary>
public sealed record EditorialStatistics(StatisticsWindow Window);
