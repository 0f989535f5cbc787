using NewsApi.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsData();

var app = builder.Build();
app.Run();

public partial class Program;
