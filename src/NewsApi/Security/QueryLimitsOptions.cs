namespace NewsApi.Security;

/// <summary>
/// What one GraphQL request may ask for, bound from <c>GraphQL:Limits</c>. The defaults are a public API's:
/// generous for every screen of the apps and partner sites, far below what would hurt the database. Every refusal
/// happens at validation, before a single SQL command runs.
/// </summary>
public sealed class QueryLimitsOptions
{
    public const string SectionName = "GraphQL:Limits";

    /// <summary>
    /// Deepest nesting of selection sets, the operation's own being level 1 (default 12; <c>{ ticker { headline } }</c>
    /// is 2). The feed with related stories is 5; the schema test's introspection
    /// query is 9. Code MAX_DEPTH_EXCEEDED.
    /// </summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Most nodes a request could return, computed as GitHub does: every field taking <c>first</c>/<c>last</c> counts
    /// its page size (20 when absent) times the page sizes of the paged fields above it (default 500,000, GitHub's
    /// figure). Three nested pages of 100 are 1,010,100 and refused. Code NODE_LIMIT_EXCEEDED.
    /// </summary>
    public long MaxNodes { get; set; } = 500_000;

    /// <summary>
    /// Ceiling on the query cost (default 25,000): every object field costs 1 times the page sizes above it
    /// (first/last, 20 when absent), scalars cost 0. The home feed of 100 with sections, authors, tags and three related
    /// stories costs 703. Reported in <c>extensions.cost</c>. Code COST_LIMIT_EXCEEDED.
    /// </summary>
    public int MaxCost { get; set; } = 25_000;

    /// <summary>Most aliased fields in the operation, fragments expanded (default 30). Code TOO_MANY_ALIASES.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most fields at the root of the operation, fragments expanded (default 20). Code TOO_MANY_ROOT_FIELDS.</summary>
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Longest query text in characters (default 20,000; the longest screen is under 2,000). Code QUERY_TOO_LONG.</summary>
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>
    /// Largest <c>variables</c> object in bytes of JSON (default 64 KiB): slugs, cursors and filters are a few hundred
    /// bytes. Code VARIABLES_TOO_LARGE.
    /// </summary>
    public int MaxVariablesBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Most directives at one location, e.g. on one field (default 4: <c>@include</c> and <c>@skip</c> together are
    /// 2). Code TOO_MANY_DIRECTIVES.
    /// </summary>
    public int MaxDirectivesPerLocation { get; set; } = 4;

    /// <summary>
    /// Most errors one response lists (default 20); the rest are summed up in one more error with code
    /// TOO_MANY_ERRORS. Without it a 17 KB document repeating one directive a thousand times is answered with 186 KB
    /// of errors.
    /// </summary>
    public int MaxErrors { get; set; } = 20;

    /// <summary>
    /// Longest a request may execute (default 10 s, as GitHub and OWASP recommend); the database command is cancelled
    /// with it. Code TIMEOUT.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
