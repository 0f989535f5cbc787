using System.Data;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Data;

/// <summary>
/// The connection died under a unit of work and the driver reported it as misuse (a transaction "already completed")
/// rather than as a connection fault: nothing was written, and the client should retry, as for any outage.
/// </summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether <paramref name="db"/>'s connection is gone: Npgsql marks a transaction completed when its connection
    /// breaks, so a write inside it then fails as misuse (InvalidOperationException) rather than as a connection fault.
    /// </summary>
    public static bool ConnectionBroke(DbContext db) => db.Database.GetDbConnection().State is not ConnectionState.Open;
}
