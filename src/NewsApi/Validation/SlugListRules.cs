using FluentValidation;
using FluentValidation.Results;

namespace NewsApi.Validation;

/// <summary>Rules for lists of slugs that must name existing rows: tags, authors.</summary>
public static class SlugListRules
{
    /// <summary>
    /// At most <paramref name="max"/> slugs, none twice, every one found by <paramref name="findExisting"/> (one query
    /// for the whole list). Failures point at the offending item: ["input", "tagSlugs", "3"].
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> ExistingSlugs<T>(
        this IRuleBuilder<T, IReadOnlyList<string>?> rule,
        string propertyName,
        int max,
        Func<IReadOnlyList<string>, CancellationToken, Task<HashSet<string>>> findExisting) =>
        rule.CustomAsync(async (slugs, context, cancellationToken) =>
        {
            if (slugs is null)
            {
                return;
            }

            var display = ValidationResultExtensions.CamelCase(propertyName);
            if (slugs.Count > max)
            {
                context.AddFailure(new ValidationFailure(propertyName, NewsLanguageManager.Format(NewsLanguageManager.TooMany, ("PropertyName", display), ("Max", max)))
                {
                    ErrorCode = UserErrorCodes.TooMany,
                });
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < slugs.Count; i++)
            {
                if (!seen.Add(slugs[i]))
                {
                    context.AddFailure(Failure(propertyName, i, UserErrorCodes.Duplicate, display, slugs[i]));
                }
            }

            var found = await findExisting(slugs, cancellationToken);
            for (var i = 0; i < slugs.Count; i++)
            {
                if (!found.Contains(slugs[i]))
                {
                    context.AddFailure(Failure(propertyName, i, UserErrorCodes.NotFound, display, slugs[i]));
                }
            }
        });

    private static ValidationFailure Failure(string propertyName, int index, string code, string display, string value) =>
        new($"{propertyName}[{index}]", NewsLanguageManager.Format(code, ("PropertyName", display), ("PropertyValue", value)))
        {
            ErrorCode = code,
        };
}
