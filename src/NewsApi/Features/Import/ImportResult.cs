using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Import;

/// <summary>What an import wrote, or why it wrote nothing (a refusal, or the inputs' user errors).</summary>
public sealed record ImportResult(Article? Article, IReadOnlyList<TickerItem> TickerItems, string? Refusal, IReadOnlyList<UserError> UserErrors)
{
    public bool Succeeded => Article is not null;
}
