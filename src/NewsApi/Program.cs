using NewsApi.Data;
using NewsApi.Features.Feeds;
using NewsApi.Graph;
using NewsApi.Hosting;
using NewsApi.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsCommandLine(args);
builder.AddNewsData();
builder.AddNewsGraph();
builder.AddGraphQLHttp();
builder.AddNewsFeeds();

var app = builder.Build();
app.MapGraphQLHttp();
app.MapNewsFeeds();
return await app.RunNewsApiAsync(args);

public partial class Program;
