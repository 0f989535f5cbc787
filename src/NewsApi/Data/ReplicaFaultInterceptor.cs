using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Data;

/// <summary>
/// On the replica's contexts only: a connection that cannot be opened, or a command cut off because the server went
/// away, marks the replica unavailable (<see cref="ReadReplica"/>), so the following reads go to the primary instead
/// of every one failing on a dead replica, and the primary is not thought down with it. A query the replica cancels
/// while replaying changes is marked as the replica's too.
/// </summary>
public sealed class ReplicaFaultInterceptor(ReadReplica replica) : DbConnectionInterceptor, IDbCommandInterceptor
{
    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Report(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Report(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Report(Exception exception)
    {
        if (DatabaseReadiness.IsUnavailableFault(exception))
        {
            replica.ReportUnavailable(exception);
        }
        else if (WriteConflicts.IsWriteConflict(exception))
        {
            // A replica takes no writes: SQLSTATE 40001 there is a query cancelled by the replay of the primary's
            // changes ("conflict with recovery"), to be answered as retryable, not as a lost write.
            ReadReplica.MarkFault(exception);
        }
    }
}
