using ImageLab.Data.Hosting;
using ImageLab.Docker.Hosting;
using ImageLab.Web.Commands;
using ImageLab.Web.Hosting;
using ImageLab.Worker.Hosting;

if (UsersCommand.Handles(args))
{
    return await UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseImageLabDefaultAddress();

var role = builder.AddImageLabRole();
builder.Services.AddImageLabData(builder.Configuration);
builder.Services.AddImageLabLiveEvents(builder.Configuration, relayOtherProcesses: role.ServesWeb);
builder.Services.AddImageLabDocker();
builder.Services.AddImageLabTelemetry(builder.Configuration);
if (role.RunsBuilds)
{
    builder.Services.AddBuildWorker();
}

if (role.ServesWeb)
{
    builder.Services.AddImageLabWeb();
    builder.Services.AddImageLabAuthentication(builder.Configuration);
    builder.Services.AddImageLabDashboard();
}

var app = builder.Build();

app.UseHeadAsGet();
app.MapImageLabHealth();
app.MapImageLabMetrics(role);
if (role.ServesWeb)
{
    app.UseImageLabWeb();
    app.MapImageLabEndpoints();
}

await app.RunAsync();
return 0;

/// <summary>The web app's entry point; public so that tests can host it.</summary>
public partial class Program;
