using System.Text;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Reports;

/// <summary>One paragraph of the meeting brief: a heading, its text and the sources of its figures.</summary>
public sealed record BriefParagraph(string Id, string Heading, string Text, IReadOnlyList<SourceRef> Sources);

/// <summary>The text a district presents at a steering-committee meeting (the page /reports/summary shows it).</summary>
public sealed record MeetingBrief(string Title, IReadOnlyList<BriefParagraph> Paragraphs)
{
    /// <summary>The text the copy button puts on the clipboard: headings, paragraphs and their sources.</summary>
    public string PlainText
    {
        get
        {
            var text = new StringBuilder(Title).Append('\n');
            foreach (var p in Paragraphs)
            {
                text.Append('\n').Append(p.Heading).Append('\n').Append(p.Text).Append('\n');
                if (p.Sources.Count > 0)
                {
                    text.Append(Formats.Current["Summary.SourcesOpen"]).Append(string.Join("; ", p.Sources.Select(s => s.Citation))).Append(")\n");
                }
            }

            return text.ToString();
        }
    }
}

/// <summary>The /reports/summary page: the loaded figures, the brief written from them, and whether to print.</summary>
public sealed record MeetingBriefPage(DashboardData Data, MeetingBrief Brief, bool Print);
