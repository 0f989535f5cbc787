using FluentValidation;
using NewsApi.Graph;

namespace NewsApi.Validation;

public static class GlobalIdRules
{
    /// <summary>A global ID of <paramref name="typeName"/>; anything else cannot name a row, so it is NOT_FOUND.</summary>
    public static IRuleBuilderOptions<T, string?> IsIdOf<T>(this IRuleBuilder<T, string?> rule, string typeName) =>
        rule.Must(id => id is null || (GlobalId.TryDecode(id, out var type, out _) && type == typeName))
            .WithUserError(UserErrorCodes.NotFound);
}
