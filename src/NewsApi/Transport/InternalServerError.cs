using GraphQL;
using NewsApi.Graph;

namespace NewsApi.Transport;

/// <summary>
/// Stands in for an unhandled exception: the client gets a fixed message and the correlation id, the log gets the
/// exception, so connection strings or SQL never reach a reader's phone.
/// </summary>
internal sealed class InternalServerError : ExecutionError
{
    public InternalServerError(string correlationId)
        : base("An internal error occurred. Quote the correlationId when reporting it.")
    {
        Code = ErrorCodes.InternalServerError;
        this.AddExtension("correlationId", correlationId);
    }
}
