using FluentValidation;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Audit;
using NewsApi.Security;
using NewsApi.Validation;

namespace NewsApi.Graph;

public static class MutationFields
{
    /// <summary>
    /// A mutation field in the house style: <c>input</c> argument, role check first, then the input's validator,
    /// then <paramref name="run"/>, again if it lost a write conflict (<see cref="WriteConflicts"/>). A refused role or a
    /// failed validation returns before any content is written; every attempt, whatever its end, leaves an audit entry:
    /// a change's in the change's own transaction (<see cref="AuditEntryWriter"/>), any other afterwards.
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
                var services = context.RequestServices!;
                var audit = services.GetRequiredService<AuditTrail>();
                var input = context.GetArgument<TInput>("input");
                var caller = context.GetCaller();
                try
                {
                    caller = context.RequireRole(role);
                    var validation = await services.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, context.CancellationToken);
                    var (payload, recorded) = validation.IsValid
                        ? await WriteConflicts.RetryAsync(async () =>
                        {
                            // Per attempt: a retried attempt's entry rolled back with its change, so the next one writes its own.
                            using var attempt = MutationAttempt.Begin(name, caller, input, typeof(TResult));
                            var written = await run(services, input, caller, context.CancellationToken);
                            return (written, attempt.Recorded);
                        }, context.CancellationToken)
                        : (Payload<TResult>.Failed(validation.ToUserErrors()), false);
                    if (!recorded)
                    {
                        await audit.RecordAsync(name, caller, AuditTrail.TargetOf(payload.Value, input),
                            payload.UserErrors.Count == 0 ? AuditTrail.Ok : AuditTrail.UserErrors,
                            payload.UserErrors.Count == 0 ? null : string.Join(',', payload.UserErrors.Select(e => e.Code).Distinct()));
                    }

                    return payload;
                }
                catch (ApiError refused)
                {
                    await audit.RecordAsync(name, caller, AuditTrail.TargetOf(null, input), refused.Code?.ToLowerInvariant() ?? AuditTrail.Error, refused.Code);
                    throw;
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    await audit.RecordAsync(name, caller, AuditTrail.TargetOf(null, input), AuditTrail.Error, failure.GetType().Name);
                    throw;
                }
            });
    }
}
