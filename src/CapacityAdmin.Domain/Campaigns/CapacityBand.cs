namespace CapacityAdmin.Domain.Campaigns;

/// <summary>The single band label of a pool (product.md §2.2).</summary>
public enum CapacityBand
{
    /// <summary>u &lt; 0.80</summary>
    Normal,

    /// <summary>0.80 &lt;= u &lt; 1.00</summary>
    Near,

    /// <summary>u = 1.00</summary>
    At,

    /// <summary>u &gt; 1.00 (up to the hard ratio, or beyond it after a limit was lowered below usage)</summary>
    Overage,
}
