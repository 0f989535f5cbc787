using GraphQL.Types;

namespace NewsApi.Graph;

public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "An object with a global ID (Relay global object identification): fetch it again with node(id).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque, globally unique ID.");
    }
}
