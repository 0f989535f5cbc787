namespace NewsApi.Security;

/// <summary>
/// The <c>RateLimits</c> configuration section: how many cost points each caller may spend. A budget is a token bucket:
/// <see cref="CostBudgetOptions.MaximumAvailable"/> points when full, refilled by <see cref="CostBudgetOptions.RestoreRate"/>
/// points a second. Anonymous callers have one bucket per IP address; keys one each, sized by their name or else their role.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off, no request is charged or refused (budgets are still reported).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per IP address, for requests without a key.</summary>
    public CostBudgetOptions Anonymous { get; set; } = new() { MaximumAvailable = 50_000, RestoreRate = 2_500 };

    /// <summary>Per key, by role name (partner, editor, admin); a role not listed gets <see cref="Anonymous"/>'s budget.</summary>
    public Dictionary<string, CostBudgetOptions> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["partner"] = new() { MaximumAvailable = 100_000, RestoreRate = 5_000 },
        ["editor"] = new() { MaximumAvailable = 100_000, RestoreRate = 5_000 },
        ["admin"] = new() { MaximumAvailable = 100_000, RestoreRate = 5_000 },
    };

    /// <summary>Per key, by the key's name: overrides the role's budget for one partner.</summary>
    public Dictionary<string, CostBudgetOptions> Keys { get; set; } = new(StringComparer.Ordinal);
}
