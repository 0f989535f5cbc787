using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Audit;

public sealed class AuditEntryEdgeGraphType() : EdgeGraphType<AuditEntryGraphType, AuditEntry>("AuditEntry");
