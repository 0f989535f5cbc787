using NewsApi.Data;
using NewsApi.Features.Workflow;
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
builder.AddNewsGraph();
builder.AddGraphQLHttp();
builder.AddNewsWorkflow();

var app = builder.Build();
app.MapGraphQLHttp();
return await app.RunNewsApiAsync(args);

public partial class Program;
