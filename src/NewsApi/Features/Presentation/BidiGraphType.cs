using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Presentation;

public sealed class BidiGraphType : EnumerationGraphType<BidiMode>
{
    public BidiGraphType()
    {
        Name = "Bidi";
        Description = "How to prepare mixed-direction text for display.";
        this.Describe("NONE", "The text exactly as written.");
        this.Describe("ISOLATE", "Latin runs and numbers wrapped in Unicode isolates (U+2066 … U+2069) so they render in place inside right-to-left text.");
    }
}
