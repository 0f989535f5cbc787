using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagConnectionGraphType() : ConnectionGraphType<TagGraphType, Tag, TagEdgeGraphType>(TagGraphType.TypeName);
