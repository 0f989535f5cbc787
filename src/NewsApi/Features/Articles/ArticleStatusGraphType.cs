using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class ArticleStatusGraphType : EnumerationGraphType<ArticleStatus>
{
    public ArticleStatusGraphType()
    {
        Name = "ArticleStatus";
        Description = "Where an article stands in the publishing workflow.";
        this.Describe("DRAFT", "Being written; seen by editors only.");
        this.Describe("SCHEDULED", "Will publish itself at publishedAt.");
        this.Describe("PUBLISHED", "Public.");
        this.Describe("ARCHIVED", "Withdrawn from public lists and pages; kept for the record.");
    }
}
