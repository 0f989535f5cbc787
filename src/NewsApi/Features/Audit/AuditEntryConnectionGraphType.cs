using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Audit;

public sealed class AuditEntryConnectionGraphType() : ConnectionGraphType<AuditEntryGraphType, AuditEntry, AuditEntryEdgeGraphType>("AuditEntry");
