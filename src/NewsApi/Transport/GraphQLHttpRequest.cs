using GraphQL;

namespace NewsApi.Transport;

/// <summary>The four request parameters of the GraphQL over HTTP spec, already checked for type.</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
