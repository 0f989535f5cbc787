namespace NewsApi.Data.Entities;

/// <summary>Where an article stands in the publishing workflow. Stored as a small integer so the feed index stays narrow.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Archived = 3,
}
