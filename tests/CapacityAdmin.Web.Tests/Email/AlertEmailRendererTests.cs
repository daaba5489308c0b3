using CapacityAdmin.Web.Tests.Infrastructure;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CapacityAdmin.Web.Tests.Email;

public sealed class AlertEmailRendererTests : IAsyncLifetime
{
    private readonly EmailTestServices _services = EmailTestServices.Create(new Dictionary<string, string?>
    {
        ["App:BaseUrl"] = "https://capacity.example.org/",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Render_CriticalCampaign_SubjectCarriesSeverityUtilizationAndOutcome()
    {
        var message = await _services.Get<AlertEmailRenderer>().RenderAsync(EmailTestServices.CriticalCampaignAlert("cs@tests.local"));

        Assert.Equal("[CRITICAL] River Clean-up 2026 at 112.4% — enrollments blocked", message.Subject);
        Assert.Equal("cs@tests.local", message.To);
    }

    [Fact]
    public async Task Render_InARazorComponentsHostWithScopeValidation_Renders()
    {
        // The web host registers scoped component services that HtmlRenderer resolves; the dispatcher calls the renderer from a job.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Host.UseDefaultServiceProvider(o => o.ValidateScopes = true);
        builder.Services.AddRazorComponents();
        var data = _services.DataDirectory;
        builder.Services.AddCapacityEmail(builder.Configuration, new AppPaths(data, data, data));
        await using var app = builder.Build();
        var provider = app.Services;

        var message = await provider.GetRequiredService<AlertEmailRenderer>().RenderAsync(EmailTestServices.CriticalCampaignAlert("cs@tests.local"));

        Assert.Equal("[CRITICAL] River Clean-up 2026 at 112.4% — enrollments blocked", message.Subject);
    }

    [Fact]
    public async Task Render_ForecastAlertWithProjection_SaysWhenTheHardLimitIsReached()
    {
        var critical = EmailTestServices.CriticalCampaignAlert("sales@tests.local");
        const string projection = "At the current pace this campaign reaches its hard limit on 20 Dec, 11 days before it ends (31 Dec).";
        var email = critical with
        {
            Model = critical.Model with { Threshold = "forecast", Severity = "warning", Action = "upsell_opportunity", Projection = projection },
        };

        var message = await _services.Get<AlertEmailRenderer>().RenderAsync(email);

        Assert.Equal("[WARNING] River Clean-up 2026 at 112.4% — projected to run out", message.Subject);
        Assert.Contains($"\r\n{projection}\r\n", message.TextBody);
        Assert.Contains(projection, message.HtmlBody);
        Assert.Contains("because this pool is projected to reach its hard limit early", message.TextBody);
    }

    [Fact]
    public async Task Render_CriticalCampaign_TextPartIsReadablePlainText()
    {
        var email = EmailTestServices.CriticalCampaignAlert("cs@tests.local");

        var text = (await _services.Get<AlertEmailRenderer>().RenderAsync(email)).TextBody;

        Assert.DoesNotContain("<", text.Replace("<Volunteering>", ""));
        Assert.DoesNotContain("&amp;", text);
        Assert.StartsWith("CRITICAL: River Clean-up 2026 is at 112.4% (enrollments blocked)\r\n", text);
        Assert.Contains("\r\nCampaign: River Clean-up 2026\r\n", text);
        Assert.Contains("\r\nCompany: Acme & Sons <Volunteering>\r\n", text);
        Assert.Contains("\r\nUtilization: 112.4%\r\n", text);
        Assert.Contains("\r\nBand: hard_limit\r\n", text);
        Assert.Contains("\r\nSeverity: CRITICAL\r\n", text);
        Assert.Contains("\r\nRaised: 2026-03-14 08:30 UTC\r\n", text);
        Assert.Contains("new enrollments are refused", text);
        Assert.Contains($"Open the pool: https://capacity.example.org/campaigns/{email.Model.PoolId}\r\n", text);
        Assert.DoesNotContain("\r\n\r\n\r\n", text);
    }

    [Fact]
    public async Task Render_CriticalCampaign_HtmlPartEscapesNamesAndLinksToThePool()
    {
        var email = EmailTestServices.CriticalCampaignAlert("cs@tests.local");

        var html = (await _services.Get<AlertEmailRenderer>().RenderAsync(email)).HtmlBody;

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("Acme &amp; Sons &lt;Volunteering&gt;", html);
        Assert.DoesNotContain("<Volunteering>", html);
        Assert.Contains($"href=\"https://capacity.example.org/campaigns/{email.Model.PoolId}\"", html);
        Assert.Contains("112.4%", html);
        Assert.Contains("CRITICAL", html);
    }

    [Theory]
    [InlineData("bundle", "upsell_opportunity", "info", "bundles/{id}", "upsell opportunity", "contact the company")]
    [InlineData("Bundle", "recommend_expansion", "warning", "bundles/{id}", "expansion recommended", "Expand the pool's capacity")]
    [InlineData("level_capacity", "recommend_expansion", "error", "memberships/level-capacities", "expansion recommended", "Expand the pool's capacity")]
    [InlineData("campaign", "block_enrollments", "critical", "campaigns/{id}", "enrollments blocked", "new enrollments are refused")]
    public async Task Render_EachPoolAndAction_LinksAndRecommends(string poolType, string action, string severity, string path, string headline, string recommendation)
    {
        var id = Guid.NewGuid();
        var email = new AlertEmail(Guid.NewGuid(), Guid.NewGuid(), "sales@tests.local", "sales",
            new AlertEmailModel(poolType, id, "Spring Pack", null, "b80", severity, action, 83m, "Spring Pack is filling up.", DateTimeOffset.UnixEpoch));

        var message = await _services.Get<AlertEmailRenderer>().RenderAsync(email);

        var url = "https://capacity.example.org/" + path.Replace("{id}", id.ToString());
        Assert.Equal($"[{severity.ToUpperInvariant()}] Spring Pack at 83% — {headline}", message.Subject);
        Assert.Contains($"href=\"{url}\"", message.HtmlBody);
        Assert.Contains(url, message.TextBody);
        Assert.Contains(recommendation, System.Net.WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Contains(recommendation, message.TextBody);
        Assert.DoesNotContain("Company:", message.TextBody);
    }
}
