namespace Helpdesk.Domain.Tickets;

/// <summary>The stable codes of the ticket's domain errors (the edges map them to pt-BR text and HTTP statuses).</summary>
public static class TicketErrors
{
    /// <summary>The verb is not allowed in the ticket's current status.</summary>
    public const string IllegalTransition = "ticket.transition.illegal";

    public const string ReasonRequired = "ticket.reason.required";
    public const string TextRequired = "ticket.text.required";
    public const string TextTooLong = "ticket.text.tooLong";
    public const string EscalationTargetNotLevel2 = "ticket.escalate.targetNotLevel2";
    public const string GroupLevelMismatch = "ticket.assign.groupLevelMismatch";
    public const string FirstContactAfterEscalation = "ticket.resolve.firstContactAfterEscalation";
    public const string FirstContactAfterReopening = "ticket.resolve.firstContactAfterReopening";
    public const string MergeIntoItself = "ticket.merge.itself";
    public const string MergeTargetNotActive = "ticket.merge.targetNotActive";
    public const string SurveyNotResolved = "ticket.survey.notResolved";
    public const string SurveyAlreadyAnswered = "ticket.survey.alreadyAnswered";
    public const string SurveyScoreOutOfRange = "ticket.survey.scoreOutOfRange";
    public const string CodeRequired = "ticket.code.required";
}
