namespace Helpdesk.Domain.Indicators;

/// <summary>How a value is compared with its target.</summary>
public enum Comparison
{
    /// <summary>value ≥ target (most percentages: "85 % das ligações").</summary>
    AtLeast,

    /// <summary>value &gt; target (IRbot "&gt;60 %", IRchat "&gt;70 %", IRURA "&gt;20 %" in the 4.5 table).</summary>
    GreaterThan,

    /// <summary>value ≤ target (TME "20s", TMA "300s").</summary>
    AtMost,

    /// <summary>value &lt; target (TMAchat in 4.7: "Inferior a 600s").</summary>
    LessThan,
}
