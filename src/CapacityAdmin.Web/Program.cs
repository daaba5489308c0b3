using CapacityAdmin.Domain.Data;
using CapacityAdmin.Web.Api;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Cli;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Hosting;
using CapacityAdmin.Web.Jobs;
using CapacityAdmin.Web.Jobs.Alerts;
using CapacityAdmin.Web.Jobs.Memberships;

var isCommand = CommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddRootDevelopmentSettings();
if (isCommand) builder.UseCommandLineLogging();

var paths = AppPaths.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(paths);
builder.Services.AddCapacityDomain(builder.Configuration, paths.DataDirectory);
builder.Services.AddCapacityAuth();
builder.Services.AddCapacitySecurity(builder.Configuration, builder.Environment);
builder.Services.AddCapacityApi();
builder.Services.AddCapacityEmail(builder.Configuration, paths);
builder.Services.AddMembershipJobs();
builder.Services.AddAlertJobs();
builder.Services.AddCapacityJobs(builder.Configuration, builder.Services.GetDatabaseConnectionInfo());
builder.Services.AddCapacityUi(paths);
builder.Services.AddCapacityHealthChecks();

var app = builder.Build();
await app.InitializeDatabaseAsync(seedDemoData: !isCommand);

if (isCommand)
    return await CommandLine.RunAsync(app.Services, args, Console.Out);

app.UseCapacityPipeline(paths);
app.MapCapacityEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
