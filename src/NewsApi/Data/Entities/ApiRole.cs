namespace NewsApi.Data.Entities;

/// <summary>What a key may do. Ordered: each role can do everything the one below it can.</summary>
public enum ApiRole
{
    Partner = 1,
    Editor = 2,
    Admin = 3,
}
