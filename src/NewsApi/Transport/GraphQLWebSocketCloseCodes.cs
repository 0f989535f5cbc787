namespace NewsApi.Transport;

/// <summary>The close codes of the graphql-transport-ws protocol (graphql-ws PROTOCOL.md).</summary>
public static class GraphQLWebSocketCloseCodes
{
    public const int InternalServerError = 4500;
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
}
