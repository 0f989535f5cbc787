namespace NewsApi.Tests.Infrastructure;

/// <summary>The sample page as tests read it: the article's paragraphs are the non-empty lines after the share line.</summary>
public static class SamplePageText
{
    public const string ShareLine = "شارك على مواقع التواصل";

    public static string[] Lines => File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", "news-page.ar.txt"));

    public static IReadOnlyList<string> ArticleParagraphs =>
        [.. Lines.SkipWhile(line => line.Trim() != ShareLine).Skip(1).Where(line => line.Trim().Length > 0)];

    public static string ArticleHeadline =>
        Lines.TakeWhile(line => line.Trim() != ShareLine).Last(line => line.Trim().Length > 0).Trim();
}
