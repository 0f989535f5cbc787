namespace NewsApi.Features.Related;

/// <summary>
/// A row of the related-stories query: a curated link (its kind, no scores) or an automatic suggestion (why it was
/// chosen). An article shows its curated links first (<see cref="CuratedFirst"/> 0), then its suggestions, each by
/// <see cref="Rank"/>.
/// </summary>
public sealed record RelatedCandidate(int SourceId, int CandidateId, int Kind, long SharedTags, double TextScore, int CuratedFirst, long Rank);
