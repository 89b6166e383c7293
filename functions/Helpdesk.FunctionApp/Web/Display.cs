using System.Globalization;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Web;

/// <summary>How values read in Brazilian Portuguese: dates on the contract's clock, statuses and channels by name.</summary>
public static class Display
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>
    /// The clock of the contract this host serves: the registered <see cref="ContractDefinition"/> (the one
    /// <c>AgentApi</c> registers, or another a host registers), taken from the request's services. API answers show
    /// instants on it; pages take the same definition by injection.
    /// </summary>
    public static ContractClock ClockOf(Microsoft.AspNetCore.Http.HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ContractDefinition>(context.RequestServices).Clock;
    }

    /// <summary>dd/MM/yyyy HH:mm on the clock of the contract this host serves (the registered
    /// <see cref="ContractDefinition"/>'s <see cref="ContractDefinition.Clock"/>, which pages take from DI).</summary>
    public static string When(ContractClock clock, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The ISO 8601 form for &lt;time datetime&gt;, on the contract's clock.</summary>
    public static string MachineWhen(ContractClock clock, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static string Day(DateOnly day) => day.ToString("dd/MM", CultureInfo.InvariantCulture);

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.New => "Novo",
        TicketStatus.Open => "Em atendimento",
        TicketStatus.PendingOnRequester => "Aguardando solicitante",
        TicketStatus.Resolved => "Resolvido",
        TicketStatus.Closed => "Encerrado",
        TicketStatus.Cancelled => "Cancelado",
        TicketStatus.Merged => "Mesclado",
        _ => status.ToString(),
    };

    public static string Channel(Channel channel) => channel switch
    {
        Domain.Tickets.Channel.Email => "E-mail",
        Domain.Tickets.Channel.WebForm => "Formulário web",
        Domain.Tickets.Channel.Api => "API",
        Domain.Tickets.Channel.Phone => "Telefone",
        Domain.Tickets.Channel.Chat => "Chat",
        Domain.Tickets.Channel.InPerson => "Presencial",
        Domain.Tickets.Channel.Letter => "Ofício",
        _ => channel.ToString(),
    };

    /// <summary>A business duration as people say it: "2 h 05 min", "45 min", "3 dias úteis e 1 h".</summary>
    public static string Duration(TimeSpan duration) => Helpdesk.Application.Sla.DurationText.Duration(duration);

    /// <summary>A business-calendar amount as agents read it: "2 dias úteis", "6 h 30 min úteis", "5 h 00 min".</summary>
    public static string BusinessAmount(Helpdesk.Domain.Calendar.BusinessDuration amount) => Helpdesk.Application.Sla.DurationText.BusinessAmount(amount);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A file size as people read it: "812 bytes", "14,2 KB", "3,5 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString("N0", Culture) + " bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("N1", Culture) + " KB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("N1", Culture) + " MB",
    };

    /// <summary>What the malware scan said of a file, for the agent (issue 20).</summary>
    public static string Scan(Helpdesk.Application.Ports.MalwareVerdict verdict) => verdict switch
    {
        Helpdesk.Application.Ports.MalwareVerdict.Clean => "verificado: sem ameaças",
        Helpdesk.Application.Ports.MalwareVerdict.Pending => "verificação antimalware pendente",
        Helpdesk.Application.Ports.MalwareVerdict.Malicious => "malicioso: download bloqueado",
        _ => "não verificado",
    };

    public static string Percent(double fraction) => fraction.ToString("P1", Culture);
}
