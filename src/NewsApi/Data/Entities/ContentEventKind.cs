namespace NewsApi.Data.Entities;

public enum ContentEventKind
{
    TickerAdded = 0,
    TickerUpdated = 1,
    TickerExpired = 2,
    TickerRemoved = 3,
    ArticlePublished = 10,
    ArticleCorrected = 11,
}
