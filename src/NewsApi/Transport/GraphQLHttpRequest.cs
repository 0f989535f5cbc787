using GraphQL;

namespace NewsApi.Transport;

/// <summary>The four request parameters of the GraphQL over HTTP spec, already checked for type.</summary>
/// <remarks>
/// <c>VariablesBytes</c> is the size of the variables JSON as received, for the variables size limit. <c>DocumentId</c>
/// is a trusted document's id; <c>Query</c> is empty until the persisted document it names (or an APQ hash) is looked up.
/// </remarks>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions, int VariablesBytes = 0,
    string? DocumentId = null);
