using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Sections;

public sealed class SectionPayloadGraphType : PayloadGraphType<Section, SectionGraphType>
{
    public SectionPayloadGraphType()
        : base("SectionPayload", "What a section mutation did: the section as now stored, or why nothing changed.", "section", "The section as now stored; null when there are user errors.")
    {
    }
}
