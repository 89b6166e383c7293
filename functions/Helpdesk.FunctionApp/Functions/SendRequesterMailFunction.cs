using System.Text.Json;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Outbox;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>Service Bus trigger on <c>outbound-mail</c>: one e-mail to a requester, sent at most once per outbox id.</summary>
public sealed class SendRequesterMailFunction(SendRequesterMail useCase) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.SendRequesterMail.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var body = InvocationData.UnwrapString(request.Required(FunctionCatalog.SendRequesterMail.Trigger.Name));
        OutboundEmail email;
        try
        {
            email = OutboundEmail.FromJson(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException("The message body is not an outbound e-mail: " + ex.Message, ex);
        }

        var sent = await useCase.HandleAsync(email, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [sent ? $"sent {email.Purpose} for {email.Protocol}" : $"already sent {email.Purpose} for {email.Protocol}"] };
    }
}
