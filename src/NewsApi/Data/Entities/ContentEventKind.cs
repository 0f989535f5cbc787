namespace NewsApi.Data.Entities;

public enum ContentEventKind
{
    TickerAdded = 0,
    TickerUpdated = 1,
    TickerExpired = 2,
    TickerRemoved = 3,
    ArticlePublished = 10,
    ArticleCorrected = 11,

    /// <summary>A public article changed in something other than its text (tags, section, image...).</summary>
    ArticleUpdated = 12,

    /// <summary>A public article stopped being public: unpublished, archived or deleted.</summary>
    ArticleWithdrawn = 13,
    TagChanged = 20,
    TagRemoved = 21,

    /// <summary>A section was created or edited: answers that name it (and the sections list) are stale.</summary>
    SectionChanged = 30,
    SectionRemoved = 31,

    /// <summary>An author was created or edited: answers with their byline are stale.</summary>
    AuthorChanged = 40,
    AuthorRemoved = 41,
}
