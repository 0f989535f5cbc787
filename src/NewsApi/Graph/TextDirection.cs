namespace NewsApi.Graph;

public enum TextDirection
{
    Rtl,
    Ltr,
}
