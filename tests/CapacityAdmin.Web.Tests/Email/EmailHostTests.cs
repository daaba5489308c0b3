using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>The email wiring in the real app host (Program.cs calls AddCapacityEmail).</summary>
public sealed class EmailHostTests
{
    [Fact]
    public async Task AppHost_Default_AlertEmailsLandAsEmlFilesInTheDataFolder()
    {
        await using var app = CapacityAppFactory.Create();
        await app.InitializeAsync();

        var email = EmailTestServices.CriticalCampaignAlert("admin@acme.example");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IAlertMessageSender>().SendAsync(email, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml"));
        var eml = await EmlMessage.LoadAsync(file);
        Assert.StartsWith("[CRITICAL] River Clean-up 2026", eml.Subject);
        Assert.Contains($"http://127.0.0.1:5080/campaigns/{email.Model.PoolId}", eml.Part("text/plain").Text);
    }

    [Fact]
    public async Task AppHost_SmtpWithoutHost_StartFailsWithAClearMessage()
    {
        await using var app = CapacityAppFactory.Create(new Dictionary<string, string?> { ["Email:Provider"] = "Smtp" });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"Expected an options validation failure, got {error}");
        Assert.Contains("Email:Smtp:Host is required when Email:Provider is Smtp", validation.Message);
    }
}
