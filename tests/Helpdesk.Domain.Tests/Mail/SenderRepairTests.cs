using Helpdesk.Domain.Mail;

namespace Helpdesk.Domain.Tests.Mail;

/// <summary>Sender headers as mail clients really break them (issue 18). A repair with one reading is certain; one that
/// chooses between readings is a guess (the message is then held); a domain without a dot is not repaired.</summary>
public class SenderRepairTests
{
    [Theory]
    // header as received                                      address read                       certainty
    [InlineData("Maria Silva <maria.silva@ifsp.edu.br",            "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // closing bracket lost
    [InlineData("\"Silva, Maria\" <maria.silva@ifsp.edu.br>>",     "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // stray '>' after the address
    [InlineData("maria.silva@ifsp.edu.br>",                        "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // stray '>' without an opening one
    [InlineData("<maria.silva@ifsp.edu.br",                        "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // only the opening bracket
    [InlineData("Maria <maria .silva@ifsp.edu.br>",                "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // folded before a dot
    [InlineData("Maria <maria.silva @ ifsp.edu.br>",               "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // folded around '@'
    [InlineData("Maria <maria.silva@ifsp. edu.br>",                "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // folded inside the domain
    [InlineData("\"maria.silva@ifsp.edu.br\"",                      "maria.silva@ifsp.edu.br",          SenderCertainty.Certain)] // quoted bare address
    [InlineData("Maria <maria silva@ifsp.edu.br>",                 "mariasilva@ifsp.edu.br",           SenderCertainty.Guessed)] // space inside the local part: '.', '_' or nothing?
    [InlineData("Maria Silva maria.silva@ifsp.edu.br",             "maria.silva@ifsp.edu.br",          SenderCertainty.Guessed)] // both brackets lost
    [InlineData("Maria Silva maria.silva@ifsp.edu.br>",            "maria.silva@ifsp.edu.br",          SenderCertainty.Guessed)] // brackets lost but one
    public void Broken_senders_are_read_with_the_certainty_of_the_repair(string header, string address, SenderCertainty certainty)
    {
        Assert.Equal(new RepairedSender(address, certainty), SenderRepair.Repair(header));
    }

    [Theory]
    [InlineData("Maria <maria@intranet>")]              // a domain without a dot: nothing to repair it from
    [InlineData("undisclosed-recipients:;")]
    [InlineData("Maria Silva")]
    [InlineData("a@b@c.gov.br")]
    [InlineData("")]
    [InlineData(null)]
    public void Headers_with_no_readable_address_give_nothing(string? header)
    {
        Assert.Equal(RepairedSender.Nothing, SenderRepair.Repair(header));
    }
}
