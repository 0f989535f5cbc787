using GraphQL.Types;

namespace NewsApi.Graph;

public static class EnumDescriptions
{
    /// <summary>Describes one value; a misspelt name fails at start-up rather than leaving a value undocumented.</summary>
    public static void Describe(this EnumerationGraphType type, string name, string description) =>
        (type.Values[name] ?? throw new InvalidOperationException($"{type.Name} has no value {name}.")).Description = description;
}
