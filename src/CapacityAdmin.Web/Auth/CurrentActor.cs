using CapacityAdmin.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace CapacityAdmin.Web.Auth;

/// <summary>The signed-in user of a circuit as a domain <see cref="Actor"/>.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor();
    }
}
