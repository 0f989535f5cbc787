using FluentValidation;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Security;
using NewsApi.Validation;

namespace NewsApi.Graph;

public static class MutationFields
{
    /// <summary>
    /// A mutation field in the house style: <c>input</c> argument, role check first, then the input's validator,
    /// then <paramref name="run"/>. A refused role or a failed validation returns before anything touches the store.
    /// </summary>
    public static FieldBuilder<object?, Payload<TResult>> Mutation<TInput, TInputGraph, TPayloadGraph, TResult>(
        this ObjectGraphType root,
        string name,
        string description,
        ApiRole role,
        Func<IServiceProvider, TInput, Caller, CancellationToken, Task<Payload<TResult>>> run)
        where TInputGraph : IInputObjectGraphType
        where TPayloadGraph : IGraphType
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Field<TPayloadGraph, Payload<TResult>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraph>>("input", "What to change.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireRole(role);
                var input = context.GetArgument<TInput>("input");
                var services = context.RequestServices!;
                var validation = await services.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, context.CancellationToken);
                if (!validation.IsValid)
                {
                    return Payload<TResult>.Failed(validation.ToUserErrors());
                }

                return await run(services, input, caller, context.CancellationToken);
            });
    }
}
