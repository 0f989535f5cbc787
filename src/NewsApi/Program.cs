using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Hosting;
using NewsApi.Security;
using NewsApi.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsCommandLine(args);
builder.AddNewsData();
builder.AddNewsGraph();
builder.AddGraphQLProtection();
builder.AddGraphQLHttp();
builder.AddNewsHealth();

var app = builder.Build();
app.MapGraphQLHttp();
app.MapNewsHealth();
return await app.RunNewsApiAsync(args);

public partial class Program;
