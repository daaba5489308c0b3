using CapacityAdmin.Domain.Identity;

namespace CapacityAdmin.Web.Tests.Infrastructure;

/// <summary>Who a test acts as when it sets things up through a service, as the product's pages and endpoints do.</summary>
public static class TestActors
{
    public static readonly Actor Administrator = new("admin@tests.local", Roles.Administrator, null);
}
