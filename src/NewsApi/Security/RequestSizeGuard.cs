using GraphQL;
using Microsoft.Extensions.Options;
using NewsApi.Graph;

namespace NewsApi.Security;

/// <summary>Refuses a query text or variables object too large before it is parsed, coerced or validated.</summary>
public sealed class RequestSizeGuard(IOptions<QueryLimitsOptions> limits)
{
    public ExecutionError? Check(string query, int variablesBytes)
    {
        var options = limits.Value;
        if (query.Length > options.MaxQueryLength)
        {
            return new ExecutionError($"The query is {query.Length} characters long; at most {options.MaxQueryLength} are allowed.")
            {
                Code = ErrorCodes.QueryTooLong,
            };
        }

        if (variablesBytes > options.MaxVariablesBytes)
        {
            return new ExecutionError($"The variables are {variablesBytes} bytes of JSON; at most {options.MaxVariablesBytes} are allowed.")
            {
                Code = ErrorCodes.VariablesTooLarge,
            };
        }

        return null;
    }
}
