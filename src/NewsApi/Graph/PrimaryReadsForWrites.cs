using GraphQL.Execution;
using GraphQLParser.AST;
using NewsApi.Data;

namespace NewsApi.Graph;

/// <summary>
/// A mutation reads back what it wrote and a subscription reads what the primary's log announced: neither may read
/// from a replica that has not replayed it yet. Only queries leave the choice to <see cref="ReadContexts"/>.
/// </summary>
public sealed class PrimaryReadsForWrites : DocumentExecutionListenerBase
{
    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.RequestServices?.GetRequiredService<ReadContexts>().RequirePrimary();
        }

        return Task.CompletedTask;
    }
}
