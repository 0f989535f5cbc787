namespace NewsApi.Features.Statistics;

/// <summary>Articles published in the range in a section; a null section id counts articles without one.</summary>
public sealed record SectionCount(int? SectionId, int Count);
