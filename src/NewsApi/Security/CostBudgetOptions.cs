namespace NewsApi.Security;

/// <summary>One token bucket of cost points.</summary>
public sealed class CostBudgetOptions
{
    /// <summary>Points in a full bucket: the most a caller can spend in a burst.</summary>
    public int MaximumAvailable { get; set; }

    /// <summary>Points restored each second.</summary>
    public int RestoreRate { get; set; }
}
