using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagPayloadGraphType : PayloadGraphType<Tag, TagGraphType>
{
    public TagPayloadGraphType()
        : base("TagPayload", "What a tag mutation did: the tag as now stored, or why nothing changed.", "tag", "The tag as now stored; null when there are user errors.")
    {
    }
}
