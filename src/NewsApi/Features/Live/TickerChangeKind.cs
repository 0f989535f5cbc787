namespace NewsApi.Features.Live;

public enum TickerChangeKind
{
    Added,
    Updated,
    Expired,
    Removed,
}
