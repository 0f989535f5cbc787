using NewsApi.Validation;

namespace NewsApi.Graph;

/// <summary>
/// A problem with a mutation's input that the user can fix: returned in the payload, not as a GraphQL error, so a
/// form can show it beside the field. <paramref name="Code"/> is stable; <paramref name="Message"/> follows Accept-Language.
/// </summary>
public sealed record UserError(string Code, IReadOnlyList<string>? Field, string Message)
{
    /// <summary>NOT_FOUND for the <paramref name="what"/> that <paramref name="id"/> names, in the caller's language.</summary>
    public static UserError NotFound(IReadOnlyList<string> field, string what, string? id) =>
        new(UserErrorCodes.NotFound, field, NewsLanguageManager.Format(NewsLanguageManager.NotFound, ("PropertyName", what), ("PropertyValue", id)));
}
