using System.Diagnostics;
using System.Globalization;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Import;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.EntryWorkbook;

/// <summary>
/// The workbook's door to the one save (<see cref="SaveEntry"/>): maps a previewed plan to raw cells (the numbers the
/// preview read, exactly) and the result to a redirect or the "Applied" page. A planned cell no longer on its unit's
/// form, or one the save refuses, means the form changed since the preview: nothing is saved.
/// </summary>
public sealed class WorkbookApply(ImportPlan plan, IReadOnlyList<UnitHeader> headers, ReportingPeriod period)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private string _timings = "";

    public ReportingPeriod Period => period;

    public IReadOnlyList<UnitHeader> Headers => headers;

    /// <summary>Where the person goes back to: the unit's form, or the reviewer's page.</summary>
    public string Back => headers.Count == 1 ? WorkbookQueries.EntryPath(headers[0], period)
        : headers[0].Kind == UnitKind.District ? WorkbookQueries.ReviewPath(headers[0].Slug, period)
        : WorkbookQueries.ReviewPath(headers[0].ParentSlug ?? "", period);

    /// <summary>
    /// The save of the planned cells (with those in conflict only when <paramref name="overwrite"/>), or null when one is
    /// no longer on its unit's form as it is now. The source is stored with the values in Vietnamese, whatever the uploader reads.
    /// </summary>
    public EntrySave? ToSave(FormBundle bundle, bool overwrite)
    {
        _timings += $"forms={_watch.ElapsedMilliseconds} ";
        var units = new List<RawUnitCells>();
        foreach (var (unitPlan, form) in plan.Units.Zip(bundle.Units))
        {
            var onForm = form.Rows.Select(r => r.IndicatorId).ToHashSet();
            var cells = unitPlan.Cells.Where(c => overwrite || !c.C).ToList();
            if (!cells.All(c => onForm.Contains(c.I)))
            {
                return null;
            }

            units.Add(new RawUnitCells(form.UnitId, cells.Select(c =>
                new RawCell(c.I, c.V?.ToString(CultureInfo.InvariantCulture), c.N, c.E, ValueNotation.Number)).ToList()));
        }

        var source = Formats.Vietnamese.Format(plan.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "Workbook.SourceCsv" : "Workbook.SourceXlsx", plan.FileName);
        _timings += $"checked={_watch.ElapsedMilliseconds} ";
        return new EntrySave(period.Id, units) { Source = source };
    }

    /// <summary>The result as the person sees it; null is a form changed since the preview.</summary>
    public IActionResult Answer(Controller c, EntrySaveResult? result, ILogger log)
    {
        var f = Formats.Current;
        _timings += $"saved={_watch.ElapsedMilliseconds}";
        log.LogInformation("Import {File} by {User}: {Outcome}, {Changed} values, {Units} units in {Elapsed} ms",
            plan.FileName, c.User.Identity?.Name, result?.Outcome, result?.Changed, plan.Units.Count, _watch.ElapsedMilliseconds);
        c.Response.Headers["X-Import-Elapsed-Ms"] = _watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
        c.Response.Headers["X-Import-Timings"] = _timings;
        if (result?.Outcome == SaveOutcome.Saved)
        {
            c.TempData[headers.Count == 1 ? "EntryMessage" : "ImportMessage"] = result.Changed == 0
                ? f.Format("Workbook.NoChangesFrom", plan.FileName) : f.Format("Workbook.Imported", result.Changed, plan.FileName);
            return c.Redirect(Back);
        }

        c.Response.StatusCode = StatusCodes.Status409Conflict;
        return c.View("Applied", (result?.Outcome switch
        {
            null or SaveOutcome.Invalid => f["Workbook.FormChanged"],
            SaveOutcome.Conflict => f.Format("Workbook.ApplyConflict", Math.Max(result.Conflicts.Count, 1)),
            _ => f.Format("Workbook.NothingSaved", result.Message),
        }, Back));
    }
}
