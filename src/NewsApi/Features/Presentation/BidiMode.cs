namespace NewsApi.Features.Presentation;

public enum BidiMode
{
    None,
    Isolate,
}
