namespace NewsApi.Features.Presentation;

public enum DigitShape
{
    Latin,
    ArabicIndic,
}
