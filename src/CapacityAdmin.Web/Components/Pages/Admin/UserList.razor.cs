using CapacityAdmin.Domain.Companies;
using CapacityAdmin.Domain.Identity;
using CapacityAdmin.Web.Auth;
using CapacityAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CapacityAdmin.Web.Components.Pages.Admin;

public partial class UserList
{
    private sealed class NewUser
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; }
        public Guid? CompanyId { get; set; }
    }

    private sealed record ShownPassword(string Intro, string Password);

    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private CompanyService Companies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudForm? _form;
    private NewUser _new = new();
    private ShownPassword? _password;
    private IReadOnlyList<UserSummary> _users = [];
    private IReadOnlyList<CompanySummary> _companies = [];
    private Dictionary<string, string> _fieldErrors = [];
    private Actor? _actor;
    private string? _me;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _me = _actor.Name;
        _companies = await Companies.ListAsync(_actor);
        _users = await Users.ListAsync(_actor!).OrEmpty();
    }

    private static string? ValidateEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) || email.Contains('@') ? null : "Not a valid email address.";

    private async Task CreateAsync()
    {
        _fieldErrors = [];
        await _form!.ValidateAsync();
        if (!_form.IsValid) return;
        var companyId = _new.Role == Roles.CompanyAdmin ? _new.CompanyId : null;
        var result = await Users.CreateAsync(_actor!, _new.Email, _new.DisplayName, _new.Role, companyId);
        if (!result.IsSuccess)
        {
            _fieldErrors = FieldErrors(result.Error);
            Snackbar.NotifyError("User not created", result.Error);
            return;
        }
        _password = new ShownPassword($"User created. Hand this one-time password to {result.Value.User.Email}:", result.Value.TemporaryPassword);
        _new = new NewUser();
        _users = await Users.ListAsync(_actor!).OrEmpty();
    }

    private async Task EditAsync(UserSummary user)
    {
        var parameters = new DialogParameters<UserEditDialog>
        {
            { d => d.User, user },
            { d => d.Companies, _companies },
            { d => d.Actor, _actor },
        };
        var dialog = await Dialogs.ShowAsync<UserEditDialog>($"Edit {user.Email}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: UserSummary updated })
        {
            Snackbar.NotifySuccess("User changed", $"{updated.Email} is now {RoleNames.Of(updated.Role)}{(updated.CompanyName is { } c ? $" of {c}" : "")}.");
            _users = await Users.ListAsync(_actor!).OrEmpty();
        }
    }

    private async Task ResetAsync(UserSummary user)
    {
        if (await Dialogs.ConfirmAsync("Reset password",
                $"Give {user.Email} a new one-time password? Their current password stops working and open sessions end.", "Reset password") is null)
            return;
        var result = await Users.ResetPasswordAsync(_actor!, user.Id);
        if (!result.IsSuccess)
        {
            Snackbar.NotifyError("Password not reset", result.Error);
            return;
        }
        _password = new ShownPassword($"Password reset. Hand this one-time password to {user.Email}:", result.Value.TemporaryPassword);
        _users = await Users.ListAsync(_actor!).OrEmpty();
    }

    private async Task RevokeAsync(UserSummary user)
    {
        if (await Dialogs.ConfirmAsync("Revoke access",
                $"Revoke {user.Email}'s access? They are signed out at once and cannot sign in until restored.", "Revoke", danger: true) is null)
            return;
        var result = await Users.DisableAsync(_actor!, user.Id);
        if (!result.IsSuccess) Snackbar.NotifyError("Access not revoked", result.Error);
        else Snackbar.NotifySuccess("Access revoked", user.Email);
        _users = await Users.ListAsync(_actor!).OrEmpty();
    }

    private async Task RestoreAsync(UserSummary user)
    {
        var result = await Users.EnableAsync(_actor!, user.Id);
        if (!result.IsSuccess) Snackbar.NotifyError("Access not restored", result.Error);
        else Snackbar.NotifySuccess("Access restored", user.Email);
        _users = await Users.ListAsync(_actor!).OrEmpty();
    }

    internal static Dictionary<string, string> FieldErrors(Domain.Common.DomainError error) =>
        error.Errors?.ToDictionary(f => f.Key, f => string.Join(" ", f.Value.Select(m => ErrorText.Clean(m))), StringComparer.OrdinalIgnoreCase) ?? [];
}
