using System.Text.Json;
using Helpdesk.Hosting.Metadata;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>
/// Cosmos DB change feed of the tickets container: the outbox entries of every ticket item (<c>"type": "ticket"</c>
/// with an <c>outbox</c> array of <c>{id, queue, body}</c>; docs/cosmos-data-model.md), and any standalone outbox item
/// (<c>"type": "outbox"</c>, with <c>queue</c> and <c>body</c>), are forwarded to their queue's Service Bus output.
/// Other documents are ignored. A ticket item keeps its recent outbox entries, so an entry is forwarded again when the
/// ticket changes again; consumers tolerate that (they deduplicate on the outbox id inside the body).
/// </summary>
public sealed class ForwardOutboxFunction : IFunctionHandler
{
    private static readonly Dictionary<string, string> OutputByQueue = FunctionCatalog.ForwardOutbox.Outputs
        .OfType<ServiceBusOutput>()
        .ToDictionary(o => o.QueueName, o => o.Name, StringComparer.Ordinal);

    public string FunctionName => FunctionCatalog.ForwardOutbox.Name;

    public Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var text = InvocationData.UnwrapString(request.Required(FunctionCatalog.ForwardOutbox.Trigger.Name));
        JsonDocument documents;
        try
        {
            documents = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException("The change feed payload is not a JSON array of documents.", ex);
        }

        using (documents)
        {
            if (documents.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInvocationException("The change feed payload is not a JSON array of documents.");
            }

            var outputs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var forwarded = 0;
            foreach (var (queue, body) in documents.RootElement.EnumerateArray().SelectMany(OutboxEntries))
            {

                if (!OutputByQueue.TryGetValue(queue, out var output))
                {
                    throw new InvalidInvocationException($"Outbox item for unknown queue '{queue}'.");
                }

                if (!outputs.TryGetValue(output, out var list))
                {
                    list = [];
                    outputs[output] = list;
                }

                list.Add(body);
                forwarded++;
            }

            var response = new InvocationResponse { Logs = [$"forwarded {forwarded} outbox item(s)"] };
            foreach (var (name, bodies) in outputs)
            {
                response.Outputs[name] = bodies;
            }

            return Task.FromResult(response);
        }
    }

    private static IEnumerable<(string Queue, string Body)> OutboxEntries(JsonElement document)
    {
        if (IsOutboxItem(document, out var queue, out var body))
        {
            return [(queue, body)];
        }

        if (document.ValueKind == JsonValueKind.Object &&
            document.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "ticket" &&
            document.TryGetProperty("outbox", out var outbox) && outbox.ValueKind == JsonValueKind.Array)
        {
            return outbox.EnumerateArray().Select(entry =>
                entry.ValueKind == JsonValueKind.Object &&
                entry.TryGetProperty("queue", out var q) && q.ValueKind == JsonValueKind.String &&
                entry.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String
                    ? (q.GetString()!, b.GetString()!)
                    : throw new InvalidInvocationException("An outbox entry of a ticket lacks its queue or body.")).ToList();
        }

        return [];
    }

    private static bool IsOutboxItem(JsonElement document, out string queue, out string body)
    {
        queue = body = string.Empty;
        if (document.ValueKind != JsonValueKind.Object ||
            !document.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "outbox")
        {
            return false;
        }

        if (!document.TryGetProperty("queue", out var q) || q.ValueKind != JsonValueKind.String ||
            !document.TryGetProperty("body", out var b) || b.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInvocationException("An outbox item lacks its queue or body.");
        }

        queue = q.GetString()!;
        body = b.GetString()!;
        return true;
    }
}
