using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation;

namespace NewsApi.Graph;

public static class ConnectionArguments
{
    /// <summary>
    /// Adds first/after/last/before and refuses, before execution, page sizes above the limit and mixed directions,
    /// so a refused request never reaches the database.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        return field
            .Argument<IntGraphType>("first", $"Items after the `after` cursor (or from the start), 0 to {PageRequest.MaxPageSize}; {PageRequest.DefaultPageSize} when neither first nor last is given.")
            .Argument<StringGraphType>("after", "Cursor from this connection: the page starts after it.")
            .Argument<IntGraphType>("last", $"Items before the `before` cursor (or from the end), 0 to {PageRequest.MaxPageSize}.")
            .Argument<StringGraphType>("before", "Cursor from this connection: the page ends before it.")
            .ValidateArguments(Validate)
            .WithMetadata(SettledOperations.ValidatedArgumentsKey, ValidatedArguments);
    }

    private static readonly string[] ValidatedArguments = ["first", "after", "last", "before"];

    private static void Validate(FieldArgumentsValidationContext context)
    {
        var first = ValueOf(context, "first");
        var last = ValueOf(context, "last");
        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is < 0 or > PageRequest.MaxPageSize)
            {
                throw new ValidationError($"`{name}` on `{context.FieldDefinition.Name}` must be between 0 and {PageRequest.MaxPageSize}; it was {value}. Page through larger sets with cursors.")
                {
                    Code = ErrorCodes.PageSizeOutOfRange,
                };
            }
        }

        var hasAfter = context.Arguments?.TryGetValue("after", out var after) == true && after.Value is not null;
        var hasBefore = context.Arguments?.TryGetValue("before", out var before) == true && before.Value is not null;
        if ((first is not null && last is not null) || (first is not null && hasBefore) || (last is not null && hasAfter))
        {
            throw new ValidationError($"`{context.FieldDefinition.Name}` pages one way at a time: use first/after or last/before, not both.")
            {
                Code = ErrorCodes.BadUserInput,
            };
        }
    }

    private static int? ValueOf(FieldArgumentsValidationContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var argument) == true ? argument.Value as int? : null;
}
