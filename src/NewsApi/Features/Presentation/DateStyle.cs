namespace NewsApi.Features.Presentation;

public enum DateStyle
{
    Iso,
    Relative,
#pragma warning disable CA1720 // LONG is the name the contract gives this format; it is not a type here.
    Long,
#pragma warning restore CA1720
}
