using NewsApi.Data;
using NewsApi.Features.Search;
using NewsApi.Graph;
using NewsApi.Hosting;
using NewsApi.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsCommandLine(args);
builder.AddNewsData();
builder.AddNewsSearch();
builder.AddNewsGraph();
builder.AddGraphQLHttp();

var app = builder.Build();
app.MapGraphQLHttp();
return await app.RunNewsApiAsync(args);

public partial class Program;
