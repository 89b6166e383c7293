namespace Helpdesk.Domain.Penalties;

/// <summary>
/// What to do when a missed value falls in two bands (ISC: "84,99 a 82" and "82,99 a 80" overlap) or in none
/// (IACVB: medium ends at 61, high starts below 51; TME 20.5 s between the 20 s target and the 21 s band).
/// </summary>
public enum BandResolution
{
    /// <summary>The band with the smaller fine wins (default: in doubt, the reading that favours the supplier).</summary>
    MilderBand,

    /// <summary>The band with the larger fine wins.</summary>
    HarsherBand,
}
