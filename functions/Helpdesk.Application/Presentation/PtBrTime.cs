using System.Globalization;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Application.Presentation;

/// <summary>
/// How an instant reads in what requesters and finance receive (e-mails, the closing's HTML report): pt-BR,
/// <c>dd/MM/yyyy 'às' HH:mm</c> on the contract's clock. Display is not the domain's business: the domain hands out
/// instants and the contract's <see cref="ContractClock"/>; the texts format them here (the web pages in
/// <c>Helpdesk.FunctionApp.Web.Display</c>).
/// </summary>
public static class PtBrTime
{
    /// <summary>dd/MM/yyyy 'às' HH:mm in the contract's zone, as users read it.</summary>
    public static string Format(DateTimeOffset instant, ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToLocal(instant).ToString("dd/MM/yyyy 'às' HH:mm", CultureInfo.InvariantCulture);
    }
}
