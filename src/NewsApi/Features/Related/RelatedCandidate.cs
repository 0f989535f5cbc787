namespace NewsApi.Features.Related;

/// <summary>
/// A row of the related-stories query: a curated link (its kind, no scores) or an automatic suggestion (why it was
/// chosen), in the order the article shows them.
/// </summary>
public sealed record RelatedCandidate(int SourceId, int CandidateId, int Kind, long SharedTags, double TextScore);
