using GraphQL;

namespace NewsApi.Transport;

/// <summary>A request refused before GraphQL saw it, still answered as a GraphQL response so clients parse one shape.</summary>
internal sealed class TransportError : ExecutionError
{
    public TransportError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    public static TransportError BadRequest(string code, string message) =>
        new(StatusCodes.Status400BadRequest, code, message);
}
