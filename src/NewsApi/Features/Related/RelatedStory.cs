using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

public sealed record RelatedStory(int ArticleId, RelatedKind Kind, string? Reason);
