using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Audit;

/// <summary>Writes interaction records as they stream: CSV (";"-separated, pt-BR headers and São Paulo dd/MM/yyyy
/// HH:mm:ss, "Sim"/"Não", for spreadsheets) or JSONL (one object per line, ISO 8601 instants with offset). CPF/CNPJ and
/// e-mail are shown in full or masked by the viewer's permissions, like everywhere else. The API and <c>helpdesk audit records</c>
/// both write with it, so the same records give the same bytes.</summary>
public static class AuditExportWriter
{
    public const string CsvHeader = "protocolo;classificacao;registrado_em;concluido_em;uf;nome;cpf_cnpj;codigo_cliente;descricao;resolvido_imediatamente;canal;reabertura;tipo_postulacao";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AuditRecord> records, bool csv, AgentIdentity viewer, ContractClock clock, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        if (csv)
        {
            await writer.WriteLineAsync(CsvHeader).ConfigureAwait(false);
        }

        var count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(csv ? CsvLine(record, viewer, clock) : JsonLine(record, viewer, clock)).ConfigureAwait(false);
            if (++count % 256 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static string CsvLine(AuditRecord r, AgentIdentity viewer, ContractClock clock) => string.Join(';',
        Csv(r.Protocol),
        Csv(r.Classification),
        Csv(Local(r.RegisteredAt, clock)),
        Csv(r.ConcludedAt is { } c ? Local(c, clock) : null),
        Csv(r.Uf),
        Csv(Name(r, viewer)),
        Csv(TaxIdText(r.TaxId, viewer)),
        Csv(Customer(r, viewer)),
        Csv(Description(r, viewer)),
        Csv(r.ResolvedImmediately is { } y ? YesNo(y) : null),
        Csv(ChannelName(r.Channel)),
        Csv(YesNo(r.Reopening)),
        Csv(KindName(r.Kind)));

    internal static string JsonLine(AuditRecord r, AgentIdentity viewer, ContractClock clock) => JsonSerializer.Serialize(
        new
        {
            protocol = r.Protocol,
            classification = r.Classification,
            registeredAt = clock.ToLocal(r.RegisteredAt),
            concludedAt = r.ConcludedAt is { } c ? clock.ToLocal(c) : (DateTimeOffset?)null,
            uf = r.Uf,
            name = Name(r, viewer),
            taxId = TaxIdText(r.TaxId, viewer),
            customerCode = Customer(r, viewer),
            description = Description(r, viewer),
            resolvedImmediately = r.ResolvedImmediately,
            channel = JsonNamingPolicy.CamelCase.ConvertName(r.Channel.ToString()),
            reopening = r.Reopening,
            kind = r.Kind is { } k ? JsonNamingPolicy.CamelCase.ConvertName(k.ToString()) : null,
        },
        Application.JsonDefaults.Options);

    private static string? TaxIdText(TaxId? id, AgentIdentity viewer) => PersonalDataMask.For(viewer).TaxId(id);

    private static string Customer(AuditRecord r, AgentIdentity viewer) => PersonalDataMask.For(viewer).Address(r.CustomerCode);

    private static string Description(AuditRecord r, AgentIdentity viewer) => PersonalDataMask.For(viewer).Text(r.Description);

    private static string? Name(AuditRecord r, AgentIdentity viewer) => PersonalDataMask.For(viewer).OptionalText(r.Name);

    private static string Local(DateTimeOffset instant, ContractClock clock) => clock.ToLocal(instant).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "Sim" : "Não";

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Email => "e-mail",
        Channel.WebForm => "formulário web",
        Channel.Api => "API",
        Channel.Phone => "telefone",
        Channel.Chat => "chat",
        Channel.InPerson => "presencial",
        Channel.Letter => "carta",
        _ => channel.ToString(),
    };

    private static string? KindName(TicketKind? kind) => kind switch
    {
        TicketKind.Complaint => "reclamação",
        TicketKind.Request => "solicitação",
        TicketKind.Information => "informação",
        TicketKind.Incident => "incidente",
        TicketKind.Other => "outro",
        _ => null,
    };

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Formula injection: a leading = + - @ would run in a spreadsheet; prefix it with an apostrophe.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
