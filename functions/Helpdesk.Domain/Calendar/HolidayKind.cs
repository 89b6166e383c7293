namespace Helpdesk.Domain.Calendar;

/// <summary>Why a day is not a business day.</summary>
public enum HolidayKind
{
    /// <summary>A national holiday set by federal law.</summary>
    National,

    /// <summary>A federal optional day ("ponto facultativo") that the contract chose to observe.</summary>
    OptionalDay,

    /// <summary>A state holiday listed in the contract.</summary>
    State,

    /// <summary>A municipal holiday listed in the contract.</summary>
    Municipal,

    /// <summary>Any other closed day listed in the contract (e.g. a day off agreed with the contract manager).</summary>
    Contract,
}
