namespace NewsApi.Features.Statistics;

/// <summary>How steadily the newsroom published over the range.</summary>
public sealed record PublishingCadence(int Published, double PerDay, double? AverageMinutesBetween, DateTime? First, DateTime? Last);
