using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Graph;

/// <summary>Which operations a kept document may run without validation rules: those whose variables reach no check that reads them.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class SettledOperationsTests(TestStore store) : StoreFixture(store)
{
    [TestCase("query Article($slug: String!) { article(slug: $slug) { headline body { kind } related(first: 5) { reason article { slug } } } }")]
    [TestCase("{ articles(first: 20) { nodes { slug tags { slug } } pageInfo { endCursor } } }")]
    [TestCase("query($slug: String!) { tag(slug: $slug) { name articles(first: 20) { nodes { slug } } } }")]
    [TestCase("query($q: String!) { search(query: $q, first: 5) { nodes { article { slug } } } }")]
    [TestCase("query($slug: String!) { ...Page } fragment Page on Query { article(slug: $slug) { ... on Article { headline } } }")]
    [TestCase("{ __typename ticker { headline } }")]
    public void An_operation_whose_variables_reach_no_check_is_settled(string query) =>
        Assert.That(IsSettled(query), Is.True);

    [TestCase("query($n: Int) { articles(first: $n) { nodes { slug } } }", TestName = "a page size")]
    [TestCase("query($n: Int) { ticker(first: $n) { headline } }", TestName = "a page size with a default")]
    [TestCase("query($c: String) { articles(first: 3, after: $c) { nodes { slug } } }", TestName = "a cursor its field validates")]
    [TestCase("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", TestName = "a list field's argument")]
    [TestCase("query($w: ArticleFilter) { articles(first: 3, where: $w) { nodes { slug } } }", TestName = "an input object")]
    [TestCase("query($s: Boolean!) { articles(first: 3) { nodes { slug headline @skip(if: $s) } } }", TestName = "a directive")]
    [TestCase("query($n: Int) { ...Feed } fragment Feed on Query { articles(first: $n) { nodes { slug } } }", TestName = "a page size in a fragment")]
    [TestCase("query($n: Int) { article(slug: \"x\") { ... on Article { related(first: $n) { reason } } } }", TestName = "a page size in an inline fragment")]
    [TestCase("{ __schema { queryType { name } } }", TestName = "introspection, allowed per caller")]
    [TestCase("{ __type(name: \"Article\") { name } }", TestName = "introspection by type")]
    public void An_operation_whose_variables_or_caller_can_change_its_verdict_is_not_settled(string query) =>
        Assert.That(IsSettled(query), Is.False);

    [TestCase("query($slug: String!) { article(slug: $slug) { headline related(first: 5) { reason } } }", true)]
    [TestCase("query($slug: String) { article(slug: $slug) { headline } }", true)]
    [TestCase("query($slug: String = \"x\") { tag(slug: $slug) { name } }", false, TestName = "not a nullable variable where a value is required")]
    [TestCase("{ articles(first: 3) { nodes { slug @include(if: true) } } }", false, TestName = "not with a directive")]
    [TestCase("{ ...Feed } fragment Feed on Query @include(if: true) { ticker { headline } }", false, TestName = "not with a directive on a fragment")]
    public void Coercing_variables_and_parsing_arguments_is_all_that_is_left_unless_a_directive_or_a_required_nullable_variable_appears(string query, bool alone)
    {
        var document = Parser.Parse(query);
        var settled = SettledOperations.Settle(Schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());

        Assert.That(settled, Is.Not.Null);
        Assert.That(settled!.ArgumentsAloneValidate, Is.EqualTo(alone));
    }

    [Test]
    public void The_fields_given_arguments_are_listed_once_each_fragments_included()
    {
        var document = Parser.Parse("""
            query($slug: String!) { a: article(slug: $slug) { ...Card } b: article(slug: "x") { ...Card headline } }
            fragment Card on Article { slug related(first: 2) { reason } }
            """);
        var settled = SettledOperations.Settle(Schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());

        Assert.That(settled!.FieldsWithArguments.Select(f => f.Node.Alias?.Name.StringValue ?? f.Node.Name.StringValue), Is.EqualTo(new[] { "a", "related", "b" }));
    }

    private ISchema Schema
    {
        get
        {
            var schema = Factory.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    private bool IsSettled(string query)
    {
        var schema = Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = Parser.Parse(query);
        return SettledOperations.IsSettled(schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }
}
