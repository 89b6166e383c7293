namespace Helpdesk.Application.Intake;

/// <summary>Settings of the intake (from configuration).</summary>
public sealed class IntakeOptions
{
    /// <summary>The support mailbox address; acknowledgments come from it and their Message-IDs use its domain.</summary>
    public string SupportAddress { get; set; } = "suporte@helpdesk.local";

    /// <summary>The name shown as the sender of e-mails to requesters.</summary>
    public string SupportName { get; set; } = "Central de Atendimento";

    /// <summary>Base URL of the product, for links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Acknowledgments sent to one address per day (São Paulo day) for requests from the anonymous web form
    /// and API (<c>Intake__AcknowledgmentsPerRecipientPerDay</c>); later requests are registered without one. 0: none.</summary>
    public int AcknowledgmentsPerRecipientPerDay { get; set; } = 3;
}
