using System.Text.Json;
using GraphQL.Types;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

public sealed class ArticleRevisionGraphType : ObjectGraphType<ArticleRevision>
{
    public ArticleRevisionGraphType()
    {
        Name = "ArticleRevision";
        Description = "One change to an article: who, when, and what changed.";
        Field(r => r.Version).Description("The article's version after the change.");
        Field(r => r.Operation).Description("What made the change: the mutation (\"updateArticle\") or \"workflow.publishScheduled\".");
        Field(r => r.ActorName, nullable: true).Description("Name of the API key that made it; null for the scheduler.");
        Field(r => r.ActorRole, nullable: true).Description("Role of that key.");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When, UTC.").Resolve(context => context.Source.At);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("changedFields")
            .Description("Names of the fields that changed.")
            .Resolve(context => JsonDocument.Parse(context.Source.Changes).RootElement.EnumerateObject().Select(p => p.Name).ToList());
        Field(r => r.Changes).Description("JSON object: each changed field to {\"from\": ..., \"to\": ...}.");
    }
}
