namespace NewsApi.Features.Articles;

public static class ArticleMetrics
{
    public static int ReadingTimeMinutes(int wordCount) => wordCount <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(wordCount / 200.0));
}
