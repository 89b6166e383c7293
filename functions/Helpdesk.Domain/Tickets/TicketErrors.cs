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

    /// <summary>Only a ticket at level 2 is forwarded to an external team (level 1 escalates first).</summary>
    public const string ForwardNotAtLevel2 = "ticket.forward.notLevel2";

    /// <summary>The ticket is already with an external team: record its return before forwarding elsewhere.</summary>
    public const string ForwardAlreadyAtExternalTeam = "ticket.forward.alreadyAtExternalTeam";

    /// <summary>The external team's record reference is missing or too long.</summary>
    public const string ForwardReferenceRequired = "ticket.forward.referenceRequired";

    /// <summary>The contract names no external team with that code.</summary>
    public const string ForwardTeamUnknown = "ticket.forward.teamUnknown";

    /// <summary>A return was recorded for a ticket that was never forwarded to an external team.</summary>
    public const string ReturnNotForwarded = "ticket.externalReturn.notForwarded";

    /// <summary>The note of an external team's return is longer than the limit.</summary>
    public const string ReturnNoteTooLong = "ticket.externalReturn.noteTooLong";

    /// <summary>The ticket is still with an external team: record its return before resolving.</summary>
    public const string ResolveAtExternalTeam = "ticket.resolve.atExternalTeam";
}
