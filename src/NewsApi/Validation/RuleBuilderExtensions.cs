using FluentValidation;

namespace NewsApi.Validation;

/// <summary>The house rules shared by every input validator.</summary>
public static class RuleBuilderExtensions
{
    /// <summary>Sets a stable user-error code and the message kept under <paramref name="messageKey"/> (default: the code).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithUserError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string code, string? messageKey = null, params (string Name, object? Value)[] values) =>
        rule.WithErrorCode(code).WithMessage(_ => NewsLanguageManager.Format(messageKey ?? code, values));

    /// <summary>A slug as our slug function would write it: what a client sends must already be in that form.</summary>
    public static IRuleBuilderOptions<T, string?> IsSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => slug is null || (slug.Length > 0 && Features.Articles.ArticleSlug.FromText(slug) == slug))
            .WithUserError(UserErrorCodes.InvalidSlug);

    public static IRuleBuilderOptions<T, string?> IsAbsoluteUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithUserError(UserErrorCodes.InvalidValue);
}
