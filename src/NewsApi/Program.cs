using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsData();
builder.AddNewsGraph();
builder.AddGraphQLHttp();

var app = builder.Build();
app.MapGraphQLHttp();
app.Run();

public partial class Program;
