namespace Helpdesk.Domain.Indicators;

/// <summary>The formula ids a contract may name. Each is computed by <see cref="TicketIndicatorCalculator"/> or
/// <see cref="CallCentreIndicatorCalculator"/>; docs/assessment-contract.md gives numerator and denominator of each.</summary>
public enum IndicatorFormula
{
    /// <summary>Indicator 1: calls answered within 30 s / calls offered (call-centre CSV).</summary>
    CallsAnsweredWithin30Seconds,

    /// <summary>Indicator 2: tickets resolved by their deadline / tickets resolved in the month.</summary>
    DeadlinesMet,

    /// <summary>Indicator 3: ratings ≥ 8 / ratings given in the month.</summary>
    Satisfaction,

    /// <summary>Indicator 4: non-phone tickets registered within N minutes of receipt / non-phone tickets received.</summary>
    RegisteredWithinMinutes,

    /// <summary>Indicator 5: late activities (service orders) / activities delivered; fined per late activity.</summary>
    ActivityLateness,

    /// <summary>Indicator 6 and IDS: available seconds / planned seconds (call-centre CSV).</summary>
    Availability,

    /// <summary>Indicator 7: tickets resolved at first contact / tickets received (not cancelled).</summary>
    FirstContactResolution,

    /// <summary>SCM3: reopened complaints / complaints received.</summary>
    ReopenedComplaints,

    /// <summary>SCM14: requests and information answered within N business days / received.</summary>
    RepliesWithinBusinessDays,

    /// <summary>NS: answered within 20 s / (answered + abandoned after 20 s).</summary>
    ServiceLevel20Seconds,

    /// <summary>TME: queue wait seconds / calls routed to a human.</summary>
    MeanWait,

    /// <summary>TMA: handling seconds / calls answered by a human.</summary>
    MeanHandling,

    /// <summary>IRURA: calls kept in the IVR / IVR calls.</summary>
    IvrRetention,

    /// <summary>IRbot: chatbot demands solved without hand-off / chatbot demands.</summary>
    BotRetention,

    /// <summary>IRchat: chat demands solved without hand-off / chat demands.</summary>
    ChatRetention,

    /// <summary>TMAchat: chat handling seconds / chats.</summary>
    ChatMeanHandling,
}
