namespace NewsApi.Features.Related;

/// <summary>A row of the automatic related-stories query: why the candidate was chosen.</summary>
public sealed record AutomaticCandidate(int SourceId, int CandidateId, long SharedTags, double TextScore);
