using GraphQL.Types;

namespace NewsApi.Graph;

/// <summary>A mutation payload: one field for the changed object and <c>userErrors</c>.</summary>
public abstract class PayloadGraphType<T, TGraph> : ObjectGraphType<Payload<T>>
    where T : class
    where TGraph : IGraphType
{
    protected PayloadGraphType(string name, string description, string valueField, string valueDescription)
    {
        Name = name;
        Description = description;
        Field<TGraph>(valueField).Description(valueDescription).Resolve(context => context.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors")
            .Description("Empty when the mutation succeeded; otherwise why nothing was written.")
            .Resolve(context => context.Source.UserErrors);
    }
}
