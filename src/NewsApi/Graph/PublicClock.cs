namespace NewsApi.Graph;

/// <summary>
/// One "now" per request, so every resolver of a response draws the public/draft and active/expired line at the
/// same instant: a ticker item cannot be both expired in one field and on air in another.
/// </summary>
public sealed class PublicClock(TimeProvider clock)
{
    private readonly DateTime now = clock.GetUtcNow().UtcDateTime;

    public DateTime Now => now;
}
