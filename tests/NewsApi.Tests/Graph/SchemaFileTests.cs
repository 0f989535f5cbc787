using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Graph;

/// <summary>schema.graphql at the repository root is the contract: it must be exactly what the server serves.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class SchemaFileTests(TestStore store) : StoreFixture(store)
{
    private const string Regenerate = "Regenerate it: dotnet run --project src/NewsApi -- print-schema \"$PWD/schema.graphql\"";

    private static string CommittedSchema => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "schema.graphql"));

    [Test]
    public void The_committed_schema_is_the_servers_printed_schema()
    {
        var printed = Factory.Services.GetRequiredService<ISchema>().PrintSchema();

        Assert.That(CommittedSchema, Is.EqualTo(printed), Regenerate);
    }

    [Test]
    public async Task The_committed_schema_describes_what_introspection_reports()
    {
        var served = await Client.PostAsync(IntrospectionQuery);
        Assert.That(served.Errors, Is.Empty, served.Body);

        // Build a schema from the file alone and introspect it the same way: the two answers must agree type by type.
        // Schema-first schemas need a way to tell implementations apart; introspection never calls it.
        var fromFile = Schema.For(CommittedSchema, builder =>
        {
            foreach (System.Text.RegularExpressions.Match type in System.Text.RegularExpressions.Regex.Matches(CommittedSchema, @"^type (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline))
            {
                builder.Types.For(type.Groups[1].Value).IsTypeOfFunc = _ => false;
            }

            // Subscription fields need a source stream to be valid; introspection never opens one.
            var subscription = System.Text.RegularExpressions.Regex.Match(CommittedSchema, @"^type Subscription \{(?<body>.*?)^\}", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.Singleline);
            foreach (System.Text.RegularExpressions.Match field in System.Text.RegularExpressions.Regex.Matches(subscription.Groups["body"].Value, @"^  (\w+)[(:]", System.Text.RegularExpressions.RegexOptions.Multiline))
            {
                builder.Types.For("Subscription").FieldFor(field.Groups[1].Value).StreamResolver =
                    new GraphQL.Resolvers.SourceStreamResolver<object>((Func<GraphQL.IResolveFieldContext, IObservable<object?>>)(_ => throw new InvalidOperationException("never subscribed")));
            }
        });
        var answer = await fromFile.ExecuteAsync(new GraphQLSerializer(), options => options.Query = IntrospectionQuery);
        using var document = JsonDocument.Parse(answer);
        Assert.That(document.RootElement.TryGetProperty("errors", out _), Is.False, answer);

        Assert.That(Normalize(document.RootElement.GetProperty("data")), Is.EqualTo(Normalize(served.Data)), Regenerate);
    }

    private static readonly JsonSerializerOptions Canonical = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Normalize(JsonElement data)
    {
        // Types in name order; built-in scalars and introspection types are the engine's, not the contract.
        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal))
            .OrderBy(t => t.GetProperty("name").GetString(), StringComparer.Ordinal)
            .Select(t =>
            {
                // The order of an interface's implementations is the order types were registered: not part of the contract.
                var node = System.Text.Json.Nodes.JsonNode.Parse(t.GetRawText())!.AsObject();
                if (node["possibleTypes"] is System.Text.Json.Nodes.JsonArray possible)
                {
                    node["possibleTypes"] = new System.Text.Json.Nodes.JsonArray([.. possible.OrderBy(p => (string?)p!["name"], StringComparer.Ordinal).Select(p => p!.DeepClone())]);
                }

                return node.ToJsonString(Canonical);
            });
        return string.Join('\n', types);
    }

    private const string IntrospectionQuery = """
        query {
          __schema {
            types {
              kind name description
              fields(includeDeprecated: true) { name description args { name description type { ...TypeRef } defaultValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { name description type { ...TypeRef } defaultValue }
              interfaces { name }
              enumValues(includeDeprecated: true) { name description isDeprecated }
              possibleTypes { name }
            }
          }
        }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;
}
