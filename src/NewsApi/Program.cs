using NewsApi.Data;
using NewsApi.Features.Feeds;
using NewsApi.Features.Live;
using NewsApi.Features.Presentation;
using NewsApi.Features.Widget;
using NewsApi.Features.Workflow;
using NewsApi.Features.Search;
using NewsApi.Graph;
using NewsApi.Hosting;
using NewsApi.Security;
using NewsApi.Transport;
using NewsApi.Validation;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsCommandLine(args);
builder.AddNewsData();
builder.AddNewsSecurity();
builder.AddNewsValidation();
builder.AddNewsSearch();
builder.AddNewsGraph();
builder.AddGraphQLProtection();
builder.AddLiveEvents();
builder.AddPresentation();
builder.AddGraphQLHttp();
builder.AddGraphQLWebSockets();
builder.AddNewsFeeds();
builder.AddNewsHealth();
builder.AddNewsWorkflow();

var app = builder.Build();
app.UseGraphQLWebSockets();
app.MapGraphQLHttp();
app.MapNewsFeeds();
app.MapTickerEventStream();
app.MapHeadlinesWidget();
app.MapNewsHealth();
return await app.RunNewsApiAsync(args);

public partial class Program;
