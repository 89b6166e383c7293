using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Web;

/// <summary>The domain's error codes in the words an agent reads.</summary>
public static class ActionErrors
{
    public const string Conflict =
        "Outra pessoa alterou este chamado enquanto você o via. Nada foi gravado: confira a linha do tempo atualizada e envie de novo (o texto que você digitou foi mantido).";

    public static string Message(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            TicketErrors.IllegalTransition => "Esta ação não é permitida na situação atual do chamado.",
            TicketErrors.ReasonRequired => "Informe o motivo.",
            TicketErrors.TextRequired => "Escreva o texto.",
            TicketErrors.TextTooLong => "O texto é longo demais.",
            TicketErrors.EscalationTargetNotLevel2 => "Escolha um grupo de 2º nível.",
            TicketErrors.GroupLevelMismatch => "O grupo não é do nível do chamado.",
            TicketErrors.FirstContactAfterEscalation => "Um chamado escalado não pode ser marcado como resolvido no primeiro contato.",
            TicketErrors.FirstContactAfterReopening => "Um chamado reaberto não pode ser marcado como resolvido no primeiro contato.",
            "catalogue.group.required" => "Escolha o grupo de 2º nível: o chamado ainda não tem categoria.",
            "catalogue.group.unknown" => "Grupo desconhecido.",
            TicketErrors.ForwardNotAtLevel2 => "Só um chamado no 2º nível é encaminhado a uma equipe externa: escale-o antes.",
            TicketErrors.ForwardAlreadyAtExternalTeam => "O chamado já está com uma equipe externa: registre o retorno dela antes de encaminhá-lo de novo.",
            TicketErrors.ForwardReferenceRequired => "Informe o número do registro na equipe externa (até 200 caracteres).",
            TicketErrors.ForwardTeamUnknown => "Escolha uma das equipes externas do contrato.",
            TicketErrors.ReturnNoteTooLong => "A nota do retorno é longa demais (até 2.000 caracteres).",
            TicketErrors.ReturnNotForwarded => "Este chamado não foi encaminhado a nenhuma equipe externa.",
            TicketErrors.ResolveAtExternalTeam => "O chamado ainda está com a equipe externa: registre o retorno dela antes de resolver.",
            Application.Attachments.AttachmentUploads.ErrorCode => error.Message,
            _ => "Não foi possível executar a ação: " + error.Message,
        };
    }
}
