// Every file in the folder given as the first argument, from memory, at "/" + its name.
var pages = Directory.GetFiles(args[0]).ToDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes);
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var body))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
