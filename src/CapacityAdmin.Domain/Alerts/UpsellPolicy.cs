namespace CapacityAdmin.Domain.Alerts;

/// <summary>
/// The sales workflow (product.md §3): new -> contacted -> won / lost / dismissed. A new item may
/// also be dismissed directly; won, lost and dismissed are final. Staying in the same status is
/// allowed (to change only the owner or the notes).
/// </summary>
public static class UpsellPolicy
{
    public static bool CanMove(UpsellStatus from, UpsellStatus to) => from == to || (from, to) switch
    {
        (UpsellStatus.New, UpsellStatus.Contacted) => true,
        (UpsellStatus.New, UpsellStatus.Dismissed) => true,
        (UpsellStatus.Contacted, UpsellStatus.Won or UpsellStatus.Lost or UpsellStatus.Dismissed) => true,
        _ => false,
    };

    public static bool IsFinal(UpsellStatus status) => status is UpsellStatus.Won or UpsellStatus.Lost or UpsellStatus.Dismissed;
}
