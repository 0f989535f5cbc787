using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;

namespace NewsApi.Graph;

public static class GraphRegistration
{
    public static WebApplicationBuilder AddNewsGraph(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQL(graph => graph
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            .AddSystemTextJson(json =>
            {
                // Arabic goes out as UTF-8, not \u escapes: a third of the bytes on a phone's connection.
                json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            }));
        return builder;
    }
}
