using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

public sealed record TickerChange(TickerChangeKind Kind, TickerItem Item, long Sequence);
