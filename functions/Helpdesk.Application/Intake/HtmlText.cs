using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Helpdesk.Application.Intake;

/// <summary>
/// The plain text of an HTML mail body, for messages that have no text part (raw MIME and Graph alike). AngleSharp's
/// HTML5 parser reads any markup in time linear in its length and the tree is walked without recursion, so no message
/// fails or times out on its HTML: script, style, head and template content is dropped, block ends become line
/// breaks, entities are decoded.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "template", "noscript" };

    private static readonly HashSet<string> LineBreakAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
    };

    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);
        var text = new StringBuilder(Math.Min(html.Length, 1 << 20));
        // Depth-first, iterative: (node, leaving) pairs, so that a block's line break is written after its children.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((document.Body ?? (INode)document, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving)
            {
                text.Append('\n');
                continue;
            }

            switch (node)
            {
                case IText t:
                    text.Append(t.Data);
                    continue;
                case IElement e when Skipped.Contains(e.LocalName):
                    continue;
                case IElement e when LineBreakAfter.Contains(e.LocalName):
                    stack.Push((e, true));
                    break;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }

        return text.ToString().Trim();
    }
}
