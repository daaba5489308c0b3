using CapacityAdmin.Domain.Geography;

namespace CapacityAdmin.Domain.Memberships;

/// <summary>
/// A member's seat (or former seat) in one scope: cell, designation, level and unit. The unit's
/// ancestors are stored as derived at join time so that caps and filters can count by any level.
/// <see cref="ScopeKey"/> is non-nullable: with <see cref="SeatSequence"/> it carries the filtered
/// unique index that makes two seat holders with one number impossible.
/// </summary>
public class Membership
{
    public const int MemberRefMaxLength = 100;

    private Membership() { }

    private Membership(string memberRef, string cellCode, string designationCode, UnitPath path, int seatSequence, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        MemberRef = memberRef;
        CellCode = cellCode;
        DesignationCode = designationCode;
        SetPlace(path, seatSequence);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string MemberRef { get; private set; } = "";
    public string CellCode { get; private set; } = "";
    public string DesignationCode { get; private set; } = "";
    public Level Level { get; private set; }
    public Zone? Zone { get; private set; }
    public string? StateCode { get; private set; }
    public string? DistrictCode { get; private set; }
    public string? MandalCode { get; private set; }
    public string ScopeKey { get; private set; } = "";
    public MembershipStatus Status { get; private set; }
    public PaymentStatus PaymentStatus { get; private set; }
    public int SeatSequence { get; private set; }

    /// <summary>The fee due for the current designation (snapshot at join or reassignment).</summary>
    public decimal Fee { get; private set; }

    /// <summary>What was actually received so far (confirmed payments).</summary>
    public decimal AmountPaid { get; private set; }

    public string? ProviderRef { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LockedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public bool RefundRequired { get; private set; }

    public UnitPath Path => new(Level, Zone, StateCode, DistrictCode, MandalCode);

    /// <summary>
    /// A pending payment whose seat lock lapsed and that the sweep (or a join in its scope) turned
    /// to EXPIRED: a late payment may still re-take a seat.
    /// </summary>
    public bool IsLapsedPayment =>
        (Status == MembershipStatus.EXPIRED && ActivatedAt is null && PaymentStatus == PaymentStatus.PENDING);

    /// <summary>A new membership: ACTIVE (administrative), PENDING_PAYMENT (fee above 0) or PENDING_APPROVAL.</summary>
    public static Membership Join(string memberRef, string cellCode, Designation designation, UnitPath path, int seatSequence, bool activate, DateTimeOffset now)
    {
        var m = new Membership(memberRef, cellCode, designation.Code, path, seatSequence, now) { Fee = designation.Fee };
        if (activate)
        {
            m.PaymentStatus = PaymentStatus.NOT_REQUIRED;
            m.MakeActive(now, designation.ValidityDays);
        }
        else if (designation.Fee > 0)
        {
            m.Status = MembershipStatus.PENDING_PAYMENT;
            m.PaymentStatus = PaymentStatus.PENDING;
            m.LockedAt = now;
        }
        else
        {
            m.Status = MembershipStatus.PENDING_APPROVAL;
            m.PaymentStatus = PaymentStatus.NOT_REQUIRED;
        }
        return m;
    }

    /// <summary>A confirmed payment of the amount due; activates a pending membership (seat checked by the caller).</summary>
    public void ConfirmPayment(int seatSequence, int validityDays, string? providerRef, DateTimeOffset now)
    {
        EnsurePaymentOutstanding();
        AmountPaid = Fee;
        PaymentStatus = PaymentStatus.SUCCESS;
        ProviderRef = providerRef ?? ProviderRef;
        if (Status != MembershipStatus.ACTIVE)
        {
            SeatSequence = seatSequence;
            ExpiredAt = null;
            MakeActive(now, validityDays);
        }
    }

    /// <summary>
    /// A payment arrived for a seat that is gone: the membership does not become ACTIVE, the money
    /// is recorded as received (SUCCESS) and the membership is flagged so it is refunded.
    /// </summary>
    public void RefusePaymentSeatLost(string? providerRef, DateTimeOffset now)
    {
        EnsurePaymentOutstanding();
        RefundRequired = true;
        AmountPaid = Fee;
        PaymentStatus = PaymentStatus.SUCCESS;
        ProviderRef = providerRef ?? ProviderRef;
        if (Status == MembershipStatus.PENDING_PAYMENT) Expire(now);
    }

    /// <summary>A failed payment: a pending membership releases its seat (EXPIRED); an active one keeps it.</summary>
    public void FailPayment(string? providerRef, DateTimeOffset now)
    {
        EnsurePaymentOutstanding();
        PaymentStatus = PaymentStatus.FAILED;
        ProviderRef = providerRef ?? ProviderRef;
        if (Status == MembershipStatus.PENDING_PAYMENT) Expire(now);
    }

    public bool HasPaymentOutstanding =>
        PaymentStatus == PaymentStatus.PENDING && !RefundRequired
        && (Status is MembershipStatus.PENDING_PAYMENT or MembershipStatus.ACTIVE || IsLapsedPayment);

    public bool CanApprove => Status == MembershipStatus.PENDING_APPROVAL;

    public void Approve(int validityDays, DateTimeOffset now)
    {
        if (!CanApprove) throw new InvalidOperationException($"Cannot approve a {Status} membership.");
        MakeActive(now, validityDays);
    }

    public bool CanRevoke => Status is MembershipStatus.ACTIVE or MembershipStatus.PENDING_APPROVAL or MembershipStatus.PENDING_PAYMENT;

    public void Revoke(DateTimeOffset now)
    {
        if (!CanRevoke) throw new InvalidOperationException($"Cannot revoke a {Status} membership.");
        Status = MembershipStatus.REVOKED;
        RevokedAt = now;
    }

    public bool CanReactivate => Status is MembershipStatus.EXPIRED or MembershipStatus.REVOKED;

    /// <summary>Back to ACTIVE on a new seat (capacity checked by the caller exactly like a join).</summary>
    public void Reactivate(int seatSequence, int validityDays, DateTimeOffset now)
    {
        if (!CanReactivate) throw new InvalidOperationException($"Cannot reactivate a {Status} membership.");
        SeatSequence = seatSequence;
        if (PaymentStatus != PaymentStatus.SUCCESS) PaymentStatus = PaymentStatus.NOT_REQUIRED;
        RevokedAt = null;
        ExpiredAt = null;
        LockedAt = null;
        MakeActive(now, validityDays);
    }

    public bool CanChangeExpiry => Status == MembershipStatus.ACTIVE;

    public void ChangeExpiry(DateTimeOffset expiresAt)
    {
        if (!CanChangeExpiry) throw new InvalidOperationException($"Cannot change the expiry of a {Status} membership.");
        ExpiresAt = expiresAt;
    }

    /// <summary>product.md §4.4: ACTIVE and PENDING_APPROVAL keep their status; PENDING_PAYMENT and EXPIRED become PENDING_APPROVAL.</summary>
    public bool CanReassign => Status is MembershipStatus.ACTIVE or MembershipStatus.PENDING_APPROVAL or MembershipStatus.PENDING_PAYMENT or MembershipStatus.EXPIRED;

    /// <summary>Moves the membership to another scope (upgrade or move) with the outcome the preview computed.</summary>
    public void Reassign(string cellCode, string designationCode, UnitPath path, int seatSequence, decimal fee,
        MembershipStatus targetStatus, PaymentStatus targetPaymentStatus, DateTimeOffset now)
    {
        if (!CanReassign) throw new InvalidOperationException($"Cannot reassign a {Status} membership.");
        CellCode = cellCode;
        DesignationCode = designationCode;
        SetPlace(path, seatSequence);
        Fee = fee;
        Status = targetStatus;
        PaymentStatus = targetPaymentStatus;
        // The staff member's reassignment replaces a payment lock (§4.4): what is due stays a PENDING payment.
        if (targetStatus != MembershipStatus.PENDING_PAYMENT) LockedAt = null;
    }

    /// <summary>Seat lock lapsed or validity over.</summary>
    public void Expire(DateTimeOffset now)
    {
        Status = MembershipStatus.EXPIRED;
        ExpiredAt = now;
    }

    private void MakeActive(DateTimeOffset now, int validityDays)
    {
        Status = MembershipStatus.ACTIVE;
        ActivatedAt = now;
        ExpiresAt = now.AddDays(validityDays);
    }

    private void SetPlace(UnitPath path, int seatSequence)
    {
        Level = path.Level;
        Zone = path.Zone;
        StateCode = path.StateCode;
        DistrictCode = path.DistrictCode;
        MandalCode = path.MandalCode;
        ScopeKey = ScopeKeys.Designation(CellCode, DesignationCode, path);
        SeatSequence = seatSequence;
    }

    private void EnsurePaymentOutstanding()
    {
        if (!HasPaymentOutstanding) throw new InvalidOperationException($"No payment is outstanding on a {Status}/{PaymentStatus} membership.");
    }
}
