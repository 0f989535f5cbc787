namespace NewsApi.Security;

/// <summary>What one operation took from its caller's budget, and what is left; reported in <c>extensions.cost.throttleStatus</c> and the RateLimit headers.</summary>
public sealed record CostCharge(bool Granted, int Cost, int MaximumAvailable, int CurrentlyAvailable, int RestoreRate)
{
    private const string UserContextKey = "NewsApi.CostCharge";

    /// <summary>Whole seconds until the bucket holds <paramref name="points"/> again.</summary>
    public int SecondsUntil(int points) =>
        points <= CurrentlyAvailable ? 0 : (int)Math.Ceiling((double)(points - CurrentlyAvailable) / Math.Max(RestoreRate, 1));

    /// <summary>When a refused operation may be retried with a chance of success.</summary>
    public int RetryAfterSeconds => Math.Max(1, SecondsUntil(Math.Min(Cost, MaximumAvailable)));

    /// <summary>When the bucket is full again (RateLimit-Reset).</summary>
    public int ResetSeconds => SecondsUntil(MaximumAvailable);

    internal void StoreIn(IDictionary<string, object?> userContext) => userContext[UserContextKey] = this;

    public static CostCharge? From(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(UserContextKey, out var charge) ? charge as CostCharge : null;

    public IDictionary<string, object?> ToThrottleStatus() => new Dictionary<string, object?>
    {
        ["maximumAvailable"] = MaximumAvailable,
        ["currentlyAvailable"] = CurrentlyAvailable,
        ["restoreRate"] = RestoreRate,
    };

    /// <summary>The RateLimit-* headers (the IETF draft's separate fields) for this caller's budget.</summary>
    public void WriteHeaders(IHeaderDictionary headers)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        headers["RateLimit-Limit"] = MaximumAvailable.ToString(invariant);
        headers["RateLimit-Remaining"] = CurrentlyAvailable.ToString(invariant);
        headers["RateLimit-Reset"] = ResetSeconds.ToString(invariant);
        headers["RateLimit-Policy"] = string.Create(invariant, $"{MaximumAvailable};w={Math.Max(1, (int)Math.Ceiling((double)MaximumAvailable / Math.Max(RestoreRate, 1)))}");
    }
}
