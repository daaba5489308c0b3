using CapacityAdmin.Domain.Common;
using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using CapacityAdmin.Web.Email;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Admin;

/// <summary>
/// Administrator settings: the four alert bands, edited together and saved with one <see cref="AlertSettingsService.UpdateAsync"/>
/// (the domain validates; field errors are listed under the table), and the email provider as configured, with a test message
/// through <see cref="TestEmailService"/>.
/// </summary>
public partial class AlertSettings
{
    private const int MinWindow = 1;
    private static readonly int MaxWindow = (int)AlertSettingsService.MaxRepeatWindow.TotalMinutes;

    private static readonly Option<AlertRecipients>[] RecipientOptions =
        [new("Sales", AlertRecipients.Sales), new("Company admins", AlertRecipients.CompanyAdmin), new("Customer Success", AlertRecipients.CustomerSuccess)];

    private static readonly Option<AlertAction>[] ActionOptions =
    [
        new("upsell opportunity", AlertAction.UpsellOpportunity), new("recommend expansion", AlertAction.RecommendExpansion),
        new("block enrollments", AlertAction.BlockEnrollments),
    ];

    [Inject] private AlertSettingsService Settings { get; set; } = default!;
    [Inject] private TestEmailService TestEmail { get; set; } = default!;
    [Inject] private IOptions<EmailOptions> EmailOptions { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Notifications { get; set; } = default!;

    private IReadOnlyList<BandRow>? _rows;
    private IReadOnlyList<string> _bandErrors = [];
    private bool _saving;
    private EmailOptions _email = new();
    private string? _testTo;
    private bool _sending;

    protected override async Task OnInitializedAsync()
    {
        _email = EmailOptions.Value;
        await LoadBandsAsync();
    }

    private async Task LoadBandsAsync()
    {
        _bandErrors = [];
        var result = await Settings.GetAsync(await CurrentActor.GetAsync());
        if (!result.IsSuccess)
        {
            Notifications.NotifyError("Settings not loaded", result.Error);
            return;
        }
        _rows = result.Value.Select(BandRow.From).ToList();
    }

    private async Task SaveBandsAsync()
    {
        if (_rows is null) return;
        _saving = true;
        try
        {
            var inputs = _rows.Select(r => r.ToInput()).ToList();
            var result = await Settings.UpdateAsync(await CurrentActor.GetAsync(), inputs);
            if (!result.IsSuccess)
            {
                _bandErrors = result.Error.Errors is { Count: > 0 } errors
                    ? errors.SelectMany(e => e.Value.Select(m => $"{BandOf(e.Key)}{m}")).ToList()
                    : [ErrorText.Describe(result.Error)];
                Notifications.NotifyError("Bands not saved", result.Error);
                return;
            }
            _bandErrors = [];
            _rows = result.Value.Select(BandRow.From).ToList();
            Notifications.NotifySuccess("Alert bands saved", "They apply to the next evaluation.");
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>"[1].severity" -> "90%: ".</summary>
    private string BandOf(string key)
    {
        if (_rows is null || !key.StartsWith('[') || key.IndexOf(']') is var end && end < 0) return "";
        return int.TryParse(key[1..end], out var i) && i < _rows.Count ? $"{_rows[i].Threshold}: " : "";
    }

    private async Task SendTestAsync()
    {
        _sending = true;
        try
        {
            var sent = await TestEmail.SendTestAsync(await CurrentActor.GetAsync(), _testTo ?? "");
            if (sent.IsSuccess) Notifications.NotifySuccess("Test email sent", $"{sent.Value.Provider}: {sent.Value.Destination}.");
            else if (sent.Error.Code == TestEmailService.DeliveryFailed)
                Notifications.Add(SnackbarExtensions.Text("Test email failed", sent.Error.Detail), Severity.Error, o => o.RequireInteraction = true);
            else Notifications.NotifyWarning("Test email not sent", sent.Error.Detail);
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>"1 d 6 h", "45 min".</summary>
    internal static string Duration(int minutes)
    {
        var span = TimeSpan.FromMinutes(minutes);
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days} d");
        if (span.Hours > 0) parts.Add($"{span.Hours} h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes} min");
        return parts.Count == 0 ? "0 min" : string.Join(" ", parts);
    }

    private sealed record Option<T>(string Text, T Value);

    /// <summary>One editable band: the view's values, turned back into the contract's names on save.</summary>
    private sealed class BandRow
    {
        public string Threshold { get; init; } = "";
        public int Rank { get; init; }
        public bool IsHardLimit { get; init; }
        public decimal MinPercent { get; set; }
        public AlertSeverity Severity { get; set; }
        public List<AlertRecipients> Recipients { get; set; } = [];

        public void Toggle(AlertRecipients recipient, bool on)
        {
            Recipients.Remove(recipient);
            if (on) Recipients.Add(recipient);
        }
        public AlertAction Action { get; set; }
        public int WindowMinutes { get; set; }
        public string? UpdatedBy { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }

        public static BandRow From(AlertBandSettingView v) => new()
        {
            Threshold = v.Threshold,
            Rank = AlertBandSetting.RankOf(v.Threshold),
            IsHardLimit = v.IsHardLimit,
            MinPercent = v.MinUtilizationPercent,
            Severity = v.Severity,
            Recipients = v.Recipients.ToList(),
            Action = v.Action,
            WindowMinutes = (int)v.RepeatWindow.TotalMinutes,
            UpdatedBy = v.UpdatedBy,
            UpdatedAt = v.UpdatedAt,
        };

        public AlertBandSettingInput ToInput() => new(Threshold, MinPercent, WireNames.Of(Severity),
            Recipients.Select(WireNames.Of<AlertRecipients>).ToList(), WireNames.Of(Action), TimeSpan.FromMinutes(WindowMinutes));
    }
}
