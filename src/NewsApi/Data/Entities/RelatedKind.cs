namespace NewsApi.Data.Entities;

/// <summary>Why one story points at another. Automatic is never stored: it marks suggestions computed at read time.</summary>
public enum RelatedKind
{
    Curated = 0,
    FollowUp = 1,
    Background = 2,
    Automatic = 3,
}
