using System.Text.RegularExpressions;
using FluentValidation.Results;
using NewsApi.Graph;

namespace NewsApi.Validation;

public static partial class ValidationResultExtensions
{
    /// <summary>FluentValidation's failures as user errors: our codes, field paths rooted at <c>input</c>, camelCased.</summary>
    public static IReadOnlyList<UserError> ToUserErrors(this ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Errors.Select(failure => new UserError(CodeOf(failure.ErrorCode), FieldPath(failure.PropertyName), failure.ErrorMessage))];
    }

    public static IReadOnlyList<string> FieldPath(string? propertyName)
    {
        var path = new List<string> { "input" };
        if (string.IsNullOrEmpty(propertyName))
        {
            return path;
        }

        foreach (Match part in PathPart().Matches(propertyName))
        {
            path.Add(CamelCase(part.Value));
        }

        return path;
    }

    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>FluentValidation's built-in validators name themselves; ours already carry a user-error code.</summary>
    private static string CodeOf(string errorCode) => errorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => UserErrorCodes.Required,
        "MaximumLengthValidator" or "LengthValidator" or "ExactLengthValidator" => UserErrorCodes.TooLong,
        _ when errorCode.EndsWith("Validator", StringComparison.Ordinal) => UserErrorCodes.InvalidValue,
        _ => errorCode,
    };

    [GeneratedRegex(@"[^.\[\]]+")]
    private static partial Regex PathPart();
}
