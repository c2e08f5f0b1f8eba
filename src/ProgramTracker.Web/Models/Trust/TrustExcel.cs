using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Models.Trust;

/// <summary>
/// The two reports of issue 25 as workbooks, the same rows as their pages (same unit, quarter and scope), in the reader's
/// language, written by the portal's Open XML writer (<see cref="SetTableWriter.TablesXlsx"/>): numbers as numbers.
/// </summary>
public static class TrustExcel
{
    public static byte[] Completeness(CompletenessPage page, Formats f) => SetTableWriter.TablesXlsx(
    [
        new PlainTable(f["TrustXlsx.FormsSheet"],
            [f["Common.Unit"], f["TrustXlsx.Set"], f["TrustXlsx.State"], f["Common.Status"], f["TrustXlsx.SubmittedOn"], f["TrustXlsx.LateDays"]],
            page.Rows.Select(r => new List<object?>
            {
                r.UnitName, f.ShortName(r.SetName, r.SetNameEn),
                r.Missing ? f["TrustXlsx.Missing"] : r.OnTime ? f["TrustXlsx.OnTime"] : f["TrustXlsx.Late"],
                f.Status(r.Status), r.SubmittedOn is { } d ? f.Date(d) : null, r.LateDays,
            }).ToList()),
        new PlainTable(f["TrustXlsx.RatesSheet"],
            [f["Common.Period"], f["TrustXlsx.Expected"], f["TrustXlsx.Submitted"], f["TrustXlsx.OnTimeCount"], f["TrustXlsx.SubmittedRate"], f["TrustXlsx.OnTimeRate"]],
            page.Rates.Select(r => new List<object?> { r.Period, r.Expected, r.Submitted, r.OnTime, r.SubmittedRate, r.OnTimeRate }).ToList()),
        About(f, page.UnitName, page.Period.Label, "TrustXlsx.CompletenessAbout"),
    ]);

    public static byte[] Validation(ValidationPage page, Formats f) => SetTableWriter.TablesXlsx(
    [
        new PlainTable(f["TrustXlsx.FlagsSheet"],
            [f["Rule.Name"], f["Rule.Message"], f["Common.Unit"], f["TrustXlsx.IndicatorCode"], f["Common.Indicator"], f["TrustXlsx.Value"], f["Common.Note"], f["TrustXlsx.FollowUp"]],
            page.Rules.SelectMany(g => g.Values.Select(v => new List<object?>
            {
                g.RuleName, g.Message, v.UnitName, v.IndicatorCode, v.IndicatorName, v.Value, v.Note,
                !v.FollowUp ? null : v.FollowUpClosed ? f["TrustXlsx.FollowUpClosed"] : f["TrustXlsx.FollowUpOpen"],
            })).ToList()),
        About(f, page.UnitName, page.Period.Label, "TrustXlsx.ValidationAbout"),
    ]);

    /// <summary>A sheet saying what the workbook is: the unit, the quarter, and how the figures were made.</summary>
    private static PlainTable About(Formats f, string unit, string period, string key) =>
        new(f["TrustXlsx.AboutSheet"], [f["TrustXlsx.AboutWhat"], f["TrustXlsx.AboutValue"]],
        [
            [f["Common.Unit"], unit],
            [f["Common.Period"], period],
            [f["TrustXlsx.AboutHow"], f[key]],
        ]);
}
