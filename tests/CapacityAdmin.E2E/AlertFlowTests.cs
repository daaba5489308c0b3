using System.Text;
using System.Text.RegularExpressions;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.E2E.Infrastructure;
using CapacityAdmin.Web.Email;
using CapacityAdmin.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CapacityAdmin.E2E;

/// <summary>
/// The alert path end to end: consumption raises the 80 % alert, the dispatcher writes it as an .eml into the pickup folder, and Sales
/// works it in the upsell list.
/// </summary>
public sealed partial class AlertFlowTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    // A demo seats campaign of 40 committed seats that no other browser test touches: 32 volunteers make 80 %.
    private const string CampaignName = "Food Bank Winter Drive";
    private static readonly Actor Integration = new("e2e-integration", Roles.CustomerSuccess, null);

    [Fact]
    public Task UpsellAlert_RaisedByEnrollmentDispatchedAndContactedBySales() => InBrowserAsync(async page =>
    {
        // Arrange: enrollments through the domain raise the 80 % alert (evaluated after the consumption).
        var campaignId = await EnrollVolunteersAsync(CampaignName, count: 32);
        var alert = await UpsellAlertAsync(campaignId);
        Assert.Equal("80%", alert.Threshold);

        // The dispatcher sends it: a pickup .eml whose subject names the campaign.
        await DispatchAsync();
        var subjects = Directory.GetFiles(PickupDirectory(), "*.eml").Select(f => Subject(File.ReadAllText(f))).ToList();
        Assert.Contains(subjects, s => s.Contains(CampaignName, StringComparison.Ordinal) && s.Contains("80%", StringComparison.Ordinal));

        // Sales opens the upsell list and sees it.
        await SignInAsync(page, DemoData.UserWithRole("Sales"));
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Upsell", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("upsell"));
        await WaitForInteractivityAsync(page);
        var row = page.Locator("[aria-label='Upsell items']").GetByRole(AriaRole.Row).Filter(new() { HasText = CampaignName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("80 %");
        await Expect(row).ToContainTextAsync("New");
        await AssertAccessibleAsync(page);

        // Moves it to contacted, with an owner.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {CampaignName} 80%" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Contacted" }).ClickAsync();
        await dialog.GetByLabel("Owner").FillAsync("Sam Sales");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("Contacted");

        // ...and it stays so after a reload.
        await page.ReloadAsync();
        await WaitForInteractivityAsync(page);
        var reloaded = page.Locator("[aria-label='Upsell items']").GetByRole(AriaRole.Row).Filter(new() { HasText = CampaignName });
        await Expect(reloaded).ToContainTextAsync("Contacted");
        await Expect(reloaded).ToContainTextAsync("Sam Sales");
    });

    private async Task<Guid> EnrollVolunteersAsync(string campaignName, int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<CapacityQueryService>()
            .ListCampaignStatusesAsync(Integration, new CampaignStatusQuery(Search: campaignName));
        var campaign = Assert.Single(list.Value!.Items, c => c.Name == campaignName);
        var ids = Enumerable.Range(1, count).Select(i => (string?)$"e2e-alert-volunteer-{i}").ToList();
        var enrolled = await scope.ServiceProvider.GetRequiredService<EnrollmentService>().BulkEnrollVolunteersAsync(Integration, campaign.CampaignId, ids);
        Assert.True(enrolled.IsSuccess, enrolled.Error?.Detail);
        Assert.Equal(count, enrolled.Value.Accepted);
        return campaign.CampaignId;
    }

    private async Task<UpsellItemView> UpsellAlertAsync(Guid campaignId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<AlertService>().ListUpsellAsync(Integration, new UpsellQuery(), new PageRequest());
        return Assert.Single(list.Value!.Items, i => i.PoolId == campaignId);
    }

    /// <summary>The alert-dispatch job when the host has it, else the service that job calls.</summary>
    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<JobCatalog>().RunNowAsync(DomainSteps.Administrator, "alert-dispatch");
        if (run.IsSuccess)
        {
            Assert.Equal("succeeded", run.Value.Outcome);
            return;
        }
        Assert.Equal(ErrorCodes.JobNotFound, run.Error.Code);
        var result = await scope.ServiceProvider.GetRequiredService<AlertDispatchService>().DispatchPendingAsync("e2e", 100, CancellationToken.None);
        if (result.Sent == 0)
        {
            var alerts = await scope.ServiceProvider.GetRequiredService<AlertService>().ListAsync(Integration, new AlertQuery(), new PageRequest());
            var errors = alerts.Value!.Items.SelectMany(a => a.Deliveries).Select(d => $"{d.Address}: {d.State} {d.LastError}");
            Assert.Fail($"Nothing was sent ({result}): {string.Join("; ", errors)}");
        }
    }

    private string PickupDirectory() => App.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory!;

    /// <summary>The Subject header of a raw message, unfolded, with its RFC 2047 encoded words decoded.</summary>
    private static string Subject(string eml)
    {
        var headers = eml.Replace("\r\n", "\n").Split("\n\n")[0].Replace("\n ", " ").Replace("\n\t", " ");
        var line = headers.Split('\n').FirstOrDefault(l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase)) ?? "";
        var value = line["Subject:".Length..].Trim();
        value = Regex.Replace(value, @"\?=\s+=\?", "?==?"); // whitespace between encoded words is not content
        return EncodedWord().Replace(value, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : charset.GetString(QuotedPrintable(text.Replace('_', ' ')));
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add((byte)text[i]);
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
