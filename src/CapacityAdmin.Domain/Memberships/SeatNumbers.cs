namespace CapacityAdmin.Domain.Memberships;

/// <summary>Seat numbering: the lowest number in 1..capacity that no seat holder uses.</summary>
public static class SeatNumbers
{
    public static int? LowestFree(IEnumerable<int> taken, int capacity)
    {
        var used = taken as ISet<int> ?? taken.ToHashSet();
        for (var n = 1; n <= capacity; n++)
            if (!used.Contains(n)) return n;
        return null;
    }
}
