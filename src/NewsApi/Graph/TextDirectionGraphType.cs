using GraphQL.Types;

namespace NewsApi.Graph;

public sealed class TextDirectionGraphType : EnumerationGraphType<TextDirection>
{
    public TextDirectionGraphType()
    {
        Name = "TextDirection";
        Description = "Direction of a text, for the dir attribute of the element that shows it.";
        this.Describe("RTL", "Right to left (Arabic, Persian, Hebrew, Urdu...).");
        this.Describe("LTR", "Left to right.");
    }
}
