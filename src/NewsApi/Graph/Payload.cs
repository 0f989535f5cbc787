using System.Diagnostics.CodeAnalysis;

namespace NewsApi.Graph;

/// <summary>What a mutation returns: the object it changed, or the user errors that kept it from changing anything.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Payload<Article>.Failed(...) names the result it builds.")]
public sealed record Payload<T>(T? Value, IReadOnlyList<UserError> UserErrors)
    where T : class
{
    public static Payload<T> Ok(T value) => new(value, []);

    public static Payload<T> Failed(IReadOnlyList<UserError> errors) => new(null, errors);

    public static Payload<T> Failed(UserError error) => new(null, [error]);
}
