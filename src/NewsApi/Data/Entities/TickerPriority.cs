namespace NewsApi.Data.Entities;

/// <summary>Lower values sort first, so the ticker can order by the stored number.</summary>
public enum TickerPriority
{
    Urgent = 0,
    High = 1,
    Normal = 2,
}
