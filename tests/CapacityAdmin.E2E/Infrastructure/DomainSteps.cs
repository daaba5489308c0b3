using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityAdmin.E2E.Infrastructure;

/// <summary>Arranges and checks state through the app's own domain services, as an integration would (never through the UI under test).</summary>
public static class DomainSteps
{
    public static readonly Actor Integration = new("e2e-integration", Roles.CustomerSuccess, null);
    public static readonly Actor Administrator = new("e2e-admin", Roles.Administrator, null);

    public static async Task<T> WithAsync<T>(this AppFixture app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<CapacityStatus> CampaignAsync(this AppFixture app, string name) => app.WithAsync(async services =>
    {
        var list = await services.GetRequiredService<CapacityQueryService>().ListCampaignStatusesAsync(Integration, new CampaignStatusQuery(Search: name));
        return Assert.Single(list.Value!.Items, c => c.Name == name);
    });

    public static Task<CapacityStatus> CampaignAsync(this AppFixture app, Guid id) => app.WithAsync(async services =>
        (await services.GetRequiredService<CapacityQueryService>().GetCampaignStatusAsync(Integration, id)).Value!);
}
