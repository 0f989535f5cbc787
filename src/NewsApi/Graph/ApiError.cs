using GraphQL;

namespace NewsApi.Graph;

/// <summary>An error whose message is meant for the client, with a stable code.</summary>
public sealed class ApiError : ExecutionError
{
    public ApiError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
