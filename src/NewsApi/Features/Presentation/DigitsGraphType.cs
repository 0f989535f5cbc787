using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Presentation;

public sealed class DigitsGraphType : EnumerationGraphType<DigitShape>
{
    public DigitsGraphType()
    {
        Name = "Digits";
        Description = "Which digits a formatted text uses.";
        this.Describe("LATIN", "0123456789.");
        this.Describe("ARABIC_INDIC", "٠١٢٣٤٥٦٧٨٩.");
    }
}
