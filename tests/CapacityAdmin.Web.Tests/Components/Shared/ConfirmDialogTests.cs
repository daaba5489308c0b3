using Bunit;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CapacityAdmin.Web.Tests.Components.Shared;

public sealed class ConfirmDialogTests : ComponentTestBase, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only async-disposable.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private (IRenderedComponent<MudDialogProvider> Provider, Task<Confirmation?> Answer) Open(bool requireReason)
    {
        var provider = RenderInteractive<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<Confirmation?> answer = null!;
        provider.InvokeAsync(() => answer = dialogs.ConfirmAsync("Revoke access", "Revoke ana@acme.local?", "Revoke", requireReason, danger: true));
        provider.WaitForAssertion(() => Assert.Contains("Revoke ana@acme.local?", provider.Markup));
        return (provider, answer);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Confirm_Cancel_AnswersNull()
    {
        var (provider, answer) = Open(requireReason: false);

        Button(provider, "Cancel").Click();

        Assert.Null(await answer);
        provider.WaitForAssertion(() => Assert.DoesNotContain("Revoke ana@acme.local?", provider.Markup));
    }

    [Fact]
    public async Task Confirm_ConfirmButton_AnswersAConfirmation()
    {
        var (provider, answer) = Open(requireReason: false);

        Button(provider, "Revoke").Click();

        var confirmation = await answer;
        Assert.NotNull(confirmation);
        Assert.Null(confirmation.Reason);
    }

    [Fact]
    public async Task Confirm_RequiredReasonMissing_StaysOpenAndSaysSo_ThenReturnsTheReason()
    {
        var (provider, answer) = Open(requireReason: true);

        Button(provider, "Revoke").Click();
        provider.WaitForAssertion(() => Assert.Contains("A reason is required.", provider.Markup));
        Assert.False(answer.IsCompleted);

        provider.Find("textarea").Input("Left the company");
        Button(provider, "Revoke").Click();

        var confirmation = await answer;
        Assert.Equal("Left the company", confirmation?.Reason);
    }
}
