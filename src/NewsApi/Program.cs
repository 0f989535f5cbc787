using NewsApi.Data;
using NewsApi.Graph;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsData();
builder.AddNewsGraph();

var app = builder.Build();
app.Run();

public partial class Program;
