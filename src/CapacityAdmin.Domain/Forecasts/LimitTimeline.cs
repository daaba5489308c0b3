using System.Globalization;
using CapacityAdmin.Domain.Bundles;
using CapacityAdmin.Domain.Campaigns;
using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Domain.Forecasts;

/// <summary>A recorded change of one limit field (the capacity timeline), with the value it replaced.</summary>
internal sealed record LimitChange(DateTimeOffset ChangedAt, string Field, string? OldValue);

/// <summary>
/// The limit and hard limit of a pool at past instants, rebuilt from its current limits by undoing the
/// capacity-timeline changes made after each instant (newest first). A campaign's governing limit depends on
/// its own fields (committed seats, credit allocation, learners, volunteer target, overage, bundle share) and,
/// for bundle campaigns, on the capacity of its bundle; a bundle's limit and hard limit are its capacity.
/// Quantities are whole units (places, or credit cents).
/// </summary>
internal sealed class LimitTimeline
{
    public static readonly string[] CampaignFields =
        ["committedSeats", "creditAllocation", "learnersCommitted", "targetVolunteers", "overagePercent", "bundleShare"];

    public const string BundleCapacityField = "capacity";

    private readonly PricingModel? _model;
    private readonly Stack<LimitChange> _pending;
    private int? _seats;
    private long? _creditCents;
    private int? _learners;
    private int _targetVolunteers;
    private decimal _overage;
    private decimal? _share;
    private int _bundleCapacity;

    private LimitTimeline(PricingModel? model, IEnumerable<LimitChange> changes)
    {
        _model = model;
        // Oldest at the bottom: popping yields the newest change first.
        _pending = new Stack<LimitChange>(changes.OrderBy(c => c.ChangedAt));
    }

    /// <summary><paramref name="changes"/>: the campaign's changes of <see cref="CampaignFields"/> and its bundle's capacity changes.</summary>
    public static LimitTimeline ForCampaign(Campaign c, int bundleCapacity, IEnumerable<LimitChange> changes) =>
        new(c.PricingModel, changes)
        {
            _seats = c.CommittedSeats,
            _creditCents = c.CreditAllocationCents,
            _learners = c.LearnersCommitted,
            _targetVolunteers = c.TargetVolunteers,
            _overage = c.OveragePercent,
            _share = c.BundleShare,
            _bundleCapacity = bundleCapacity,
        };

    public static LimitTimeline ForBundle(Bundle b, IEnumerable<LimitChange> changes) => new(null, changes) { _bundleCapacity = b.Capacity };

    /// <summary>(limit, hard limit) as they stood at <paramref name="instant"/>; instants must be asked newest first.</summary>
    public (long Limit, long HardLimit) At(DateTimeOffset instant)
    {
        while (_pending.TryPeek(out var change) && change.ChangedAt > instant) Undo(_pending.Pop());
        if (_model is not { } model) return (_bundleCapacity, _bundleCapacity);
        long limit = model switch
        {
            PricingModel.Seats => _seats ?? 0,
            PricingModel.Credits => _creditCents ?? 0,
            PricingModel.Iaas => _learners ?? 0,
            PricingModel.Bundle => _share is { } s ? BundlePolicy.Quota(_bundleCapacity, s) : 0,
            _ => _targetVolunteers,
        };
        return (limit, CapacityPolicy.HardLimit(limit, _overage));
    }

    private void Undo(LimitChange change)
    {
        var old = change.OldValue;
        switch (change.Field)
        {
            case "committedSeats": _seats = Int(old); break;
            case "creditAllocation": _creditCents = Dec(old) is { } credits ? Credits.ToCents(credits) : null; break;
            case "learnersCommitted": _learners = Int(old); break;
            case "targetVolunteers": _targetVolunteers = Int(old) ?? _targetVolunteers; break;
            case "overagePercent": _overage = Dec(old) ?? _overage; break;
            case "bundleShare": _share = Dec(old); break;
            case BundleCapacityField: _bundleCapacity = Int(old) ?? _bundleCapacity; break;
        }
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static decimal? Dec(string? value) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}
