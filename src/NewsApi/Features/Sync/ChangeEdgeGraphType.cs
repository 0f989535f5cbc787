using NewsApi.Graph;

namespace NewsApi.Features.Sync;

public sealed class ChangeEdgeGraphType() : EdgeGraphType<ChangeGraphType, SyncChange>("Change");
