namespace Helpdesk.Domain.Calendar;

/// <summary>Federal optional days ("pontos facultativos"): a contract decides which of them are closed days.</summary>
public enum OptionalDay
{
    /// <summary>Carnival Monday, Easter - 48 days.</summary>
    CarnivalMonday,

    /// <summary>Carnival Tuesday, Easter - 47 days.</summary>
    CarnivalTuesday,

    /// <summary>Corpus Christi, Easter + 60 days.</summary>
    CorpusChristi,
}
