using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagEdgeGraphType() : EdgeGraphType<TagGraphType, Tag>(TagGraphType.TypeName);
