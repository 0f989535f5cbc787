using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

/// <summary>A row of the ranking with the summary of the story it suggests, read in the same statement.</summary>
public sealed record RankedRelatedStory(RelatedCandidate Candidate, Article Article);
