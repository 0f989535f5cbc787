using GraphQL;
using GraphQL.Execution;
using NewsApi.Data;

namespace NewsApi.Graph;

/// <summary>
/// Resolves each subscription event in a DI scope of its own. A subscription lives as long as its connection, but
/// what the per-request services hold — the public clock's "now", data loaders' caches — must be as fresh as the
/// event: a correction must not be answered from the loader cache of the original.
/// </summary>
public sealed class PerEventScopeSubscriptionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        var connectionServices = context.RequestServices ?? throw new InvalidOperationException("Subscriptions need RequestServices.");
        await using var scope = connectionServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        // The event was announced by the primary's log: reading it back from a replica that lags could miss it.
        scope.ServiceProvider.GetRequiredService<ReadContexts>().RequirePrimary();

        // Events of one subscription arrive one at a time, so swapping the services on its context is safe.
        context.RequestServices = scope.ServiceProvider;
        try
        {
            return await base.ProcessDataAsync(context, node, value);
        }
        finally
        {
            context.RequestServices = connectionServices;
        }
    }
}
