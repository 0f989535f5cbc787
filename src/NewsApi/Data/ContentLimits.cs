namespace NewsApi.Data;

/// <summary>Column lengths, shared by the EF model and the input validators so the two never disagree.</summary>
public static class ContentLimits
{
    public const int SlugLength = 200;
    public const int HeadlineLength = 300;
    public const int StandfirstLength = 1000;
    public const int ExcerptLength = 500;
    public const int NameLength = 200;
    public const int DescriptionLength = 2000;
    public const int CaptionLength = 1000;
    public const int UrlLength = 2048;
    public const int LangLength = 35;
}
