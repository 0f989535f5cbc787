namespace NewsApi.Features.Search;

/// <summary>Search settings (<c>Search</c> section).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// How many searches run their queries at once on this instance (<see cref="SearchConcurrency"/>); unset, two per
    /// core. Raise it when PostgreSQL runs on a bigger machine than the server.
    /// </summary>
    public int? ConcurrentQueries { get; set; }
}
