namespace Helpdesk.Domain.Calendar;

/// <summary>Setting: which day is day 1 of a business-days count.</summary>
public enum BusinessDayCountStart
{
    /// <summary>
    /// Default: the day after the receipt's local date (Anatel inspection procedure 5.6.4.3 b II:
    /// "o primeiro dia da contagem será o dia seguinte ao da solicitação").
    /// </summary>
    NextDay,

    /// <summary>
    /// The receipt day itself, when the request arrives on a business day before that day's deadline instant; otherwise
    /// the next day. A literal reading of the ministry's ANS 4.1 b ("contados sempre em dias úteis a partir da sua recepção").
    /// </summary>
    ReceiptDay,
}
