using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// The supervisor's dashboard: tickets opened per day and channel (a server-rendered SVG chart), backlog by level,
/// and the share of active tickets within their deadline (figures from the ticket list read model); the daily
/// month-to-date indicators of the current or a chosen month (<c>?mes=yyyy-MM</c>, from the daily timer's figures);
/// and a form to import the month's call-centre CSV (the same use case as <c>PUT /api/imports/call-centre/{month}</c>).
/// </summary>
public sealed class DashboardModel(TicketListing listing, TimeProvider clock, IDailyIndicatorStore daily, FinanceContract contract, CallCentreImport import, IHeldMessages held) : AgentPageModel
{
    /// <summary>Days the chart covers, ending today (São Paulo).</summary>
    public const int Days = 14;

    /// <summary>The dashboard reads at most this many tickets (newest first) until a dedicated aggregate query exists.</summary>
    public const int MaxTickets = 5_000;

    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    /// <summary>Opened tickets by day and channel.</summary>
    public IReadOnlyDictionary<(DateOnly Day, Channel Channel), int> Opened { get; private set; } = new Dictionary<(DateOnly, Channel), int>();

    public IReadOnlyDictionary<int, int> BacklogByLevel { get; private set; } = new Dictionary<int, int>();

    public int WithTarget { get; private set; }

    public int WithinTarget { get; private set; }

    public int AtRisk { get; private set; }

    public bool Truncated { get; private set; }

    /// <summary>The month whose daily indicators are shown.</summary>
    public AssessmentMonth Month { get; private set; }

    public IReadOnlyList<IndicatorSeries> Indicators { get; private set; } = [];

    /// <summary>The outcome of an import through the form (pt-BR), or null.</summary>
    public string? ImportMessage { get; private set; }

    public bool ImportFailed { get; private set; }

    /// <summary>Set when <c>?mes=</c> is not a month (the current month is shown instead).</summary>
    public string? MonthError { get; private set; }

    /// <summary>Messages held today (São Paulo day) for a supervisor's decision (issue 18).</summary>
    public int HeldToday { get; private set; }

    public int MaxPerDay => Dates.Count == 0 ? 0 : Dates.Max(d => Channels.Sum(c => Opened.GetValueOrDefault((d, c))));

    public async Task<IActionResult> OnGetAsync(string? mes, string? importado, int? versao, int? intervalos, int? resumo, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        ImportMessage = ImportNotice(importado, versao, intervalos, resumo);
        await LoadAsync(mes, cancellationToken);
        return Page();
    }

    /// <summary>The import form: a month and a CSV file, validated as the API does; errors shown on the page with line and column.</summary>
    public async Task<IActionResult> OnPostImportAsync(string? mes, IFormFile? arquivo, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        ImportFailed = true;
        if (!AssessmentMonth.TryParse(mes, out var month))
        {
            ImportMessage = "Informe o mês no formato aaaa-MM (por exemplo, 2026-03).";
        }
        else if (arquivo is null || arquivo.Length == 0)
        {
            ImportMessage = "Escolha o arquivo CSV da central de atendimento.";
        }
        else if (arquivo.Length > Api.ImportEndpoints.MaxCsvBytes)
        {
            ImportMessage = $"O arquivo excede o limite de {Api.ImportEndpoints.MaxCsvBytes / (1024 * 1024)} MB.";
        }
        else
        {
            using var buffer = new MemoryStream();
            await arquivo.CopyToAsync(buffer, cancellationToken);
            try
            {
                var result = await import.ImportAsync(month, buffer.ToArray(), clock.GetUtcNow(), cancellationToken);
                // The notice is named by a code and numbers only; its text is written on the next GET (ImportNotice), so
                // that a link can never make the dashboard show words of its own.
                var code = result.Created ? "novo" : "igual";
                var summary = result.SummaryChanged ? $"&resumo={result.SummaryVersion}" : string.Empty;
                return Redirect($"{WebRoutes.Dashboard}?mes={month}&importado={code}&versao={result.Version}&intervalos={result.Intervals}{summary}");
            }
            catch (InputFormatException ex)
            {
                ImportMessage = (ex.Line is { } line ? $"Linha {line}" + (ex.Column is { } column ? $", coluna {column}" : string.Empty) : "Arquivo") + $": conteúdo inválido ({ex.Detail}). Nada foi importado.";
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(mes, cancellationToken);
        return Page();
    }

    /// <summary>The import's success notice, written here from the code and numbers of the redirect (unknown code: none).</summary>
    public static string? ImportNotice(string? code, int? version, int? intervals, int? summaryVersion)
    {
        if (version is not { } v || v < 1)
        {
            return null;
        }

        var outcome = code switch
        {
            "novo" when intervals is { } n and >= 0 => $"{n} {(n == 1 ? "intervalo" : "intervalos")}, versão {v}",
            "igual" => $"arquivo idêntico à versão {v}, nada mudou",
            _ => null,
        };
        if (outcome is null)
        {
            return null;
        }

        if (summaryVersion is { } s and > 0)
        {
            outcome += $"; o mês já estava fechado e o resumo foi republicado (versão {s})";
        }

        return $"Dados da central de atendimento importados ({outcome}); o fechamento e os indicadores diários passam a considerá-los.";
    }

    private IActionResult? Prepare()
    {
        ViewData["Nav"] = "dashboard";
        ViewData["Title"] = "Painel da supervisão";
        return Agent.IsSupervisorOrAdmin ? null : Forbid();
    }

    private async Task LoadAsync(string? mes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Month = AssessmentMonth.TryParse(mes, out var chosen) ? chosen : contract.Definition.Clock.MonthOf(now);
        MonthError = string.IsNullOrEmpty(mes) || chosen == Month ? null : $"Mês inválido ({mes}): informe aaaa-MM. Mostrando o mês atual.";
        Indicators = IndicatorSeries.Of(contract.Assessment, await daily.ListAsync(Month.FirstDay, Month.LastDay, cancellationToken));

        var today = contract.Definition.Clock.LocalDate(now);
        HeldToday = await held.CountHeldAsync(contract.Definition.Clock.StartOfDay(today), contract.Definition.Clock.StartOfDay(today.AddDays(1)), cancellationToken);
        Dates = [.. Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1))];
        var opened = new Dictionary<(DateOnly, Channel), int>();
        var backlog = new Dictionary<int, int> { [1] = 0, [2] = 0 };
        var count = 0;
        string? token = null;
        do
        {
            var page = await listing.ListAsync(Agent, new TicketQuery { PageSize = TicketQuery.MaxPageSize, PageToken = token }, cancellationToken);
            foreach (var t in page.Items)
            {
                count++;
                var day = contract.Definition.Clock.LocalDate(t.RegisteredAt);
                if (day >= Dates[0])
                {
                    opened[(day, t.Channel)] = opened.GetValueOrDefault((day, t.Channel)) + 1;
                }

                if (t.Status is TicketStatus.New or TicketStatus.Open or TicketStatus.PendingOnRequester)
                {
                    backlog[t.Level] = backlog.GetValueOrDefault(t.Level) + 1;
                    if (t.DueAt is { } due && t.Status != TicketStatus.PendingOnRequester)
                    {
                        WithTarget++;
                        if (now < due)
                        {
                            WithinTarget++;
                            AtRisk += t.AtRiskAt is { } risk && now >= risk ? 1 : 0;
                        }
                    }
                }
            }

            token = page.NextPageToken;
            Truncated = token is not null && count >= MaxTickets;
        }
        while (token is not null && !Truncated);

        Opened = opened;
        BacklogByLevel = backlog;
        Channels = [.. Enum.GetValues<Channel>().Where(c => Dates.Any(d => opened.ContainsKey((d, c))))];
    }
}
