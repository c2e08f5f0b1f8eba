using System.Diagnostics;
using System.Globalization;
using ProgramTracker.Core.Import;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.EntryWorkbook;

/// <summary>
/// The workbook's upload door: reads the file (CSV, or an xlsx after the zip guard), names the units its stamps say
/// it holds, and shows the dry run (<see cref="ImportAnalyzer"/>, which reads each cell by the save's own
/// <see cref="Core.Entry.CellRules"/>) as the preview page, with the plan "Áp dụng" will save. Writes nothing.
/// </summary>
public sealed class WorkbookPreview(ReportingPeriod period, IFormFile? file, string back, string uploadAction, ImportOptions limits, ImportStamps stamps)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly string _fileName = Path.GetFileName(file?.FileName ?? "").Trim();
    private readonly ImportAnalyzer _analyzer = new(stamps, Formats.Current);
    private string _timings = "";
    private FileRead? _read;

    /// <summary>Reads the file; the refusal to show when it cannot be read (none chosen, too large, not a workbook, a zip bomb).</summary>
    public async Task<string?> ReadAsync(CancellationToken ct)
    {
        var f = Formats.Current;
        if (file is null || file.Length == 0)
        {
            return f["Workbook.ChooseFile"];
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return Messages.TooLarge(limits, f);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var extension = Path.GetExtension(_fileName).ToLowerInvariant();
        var zip = buffer.Length >= 4 && buffer.GetBuffer() is var b && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        try
        {
            if (extension == ".csv" && !zip)
            {
                _read = CsvWorkbook.Read(buffer, limits, f);
            }
            else if (zip && extension is ".xlsx" or ".xlsm" or "")
            {
                ZipGuard.Check(buffer, limits, f);
                _read = XlsxWorkbook.Read(buffer, limits, f);
            }
            else
            {
                return extension == ".xls" ? f["Workbook.XlsNotSupported"] : Messages.NotAWorkbook(f);
            }
        }
        catch (ImportFileException e)
        {
            return e.Message;
        }

        _timings += $"read={_watch.ElapsedMilliseconds} ";
        return null;
    }

    /// <summary>The units and period the file's stamps name.</summary>
    public Identified Identify() => _analyzer.Identify(_read!, period.Id, period.Label);

    /// <summary>
    /// What stops the preview once the units are known: the file names none (the identification's errors), another unit
    /// than the form's, or a unit gone. Null when it may go on; then only the right to change every unit is left to check
    /// (nobody imports into a unit they cannot change, whatever the file says).
    /// </summary>
    public IReadOnlyList<ImportIssue>? Refusal(UnitHeader? only, IReadOnlyList<UnitHeader> headers, Identified identified)
    {
        if (identified.UnitIds.Count == 0)
        {
            return identified.Errors;
        }

        if (only is not null && (headers.Count != 1 || headers[0].Id != only.Id))
        {
            var names = string.Join(", ", headers.Select(h => h.FullName));
            return [Issue(Formats.Current.Format("Workbook.OtherUnit", names.Length > 0 ? names : Formats.Current["Workbook.AnotherUnit"], only.FullName))];
        }

        _timings += $"identify={_watch.ElapsedMilliseconds} ";
        return headers.Count != identified.UnitIds.Count ? [Issue(Formats.Current["Workbook.UnitGone"])] : null;
    }

    /// <summary>The dry run against the forms as they are now, as the preview page (422 when it found errors).</summary>
    public IActionResult Show(Controller c, Identified identified, FormBundle bundle, string user)
    {
        _timings += $"forms={_watch.ElapsedMilliseconds} ";
        var result = _analyzer.Analyze(_read!, identified, bundle, user, _fileName);
        _timings += $"analysis={_watch.ElapsedMilliseconds} ";
        var token = result.CanApply ? stamps.Protect(result.Plan!) : null;
        _timings += $"plan={_watch.ElapsedMilliseconds}";
        c.Response.Headers["X-Import-Elapsed-Ms"] = _watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
        return Page(c, result, result.Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK, token, bundle.Units.Count > 1);
    }

    /// <summary>The preview page with only these errors (422).</summary>
    public IActionResult Refuse(Controller c, IEnumerable<ImportIssue> errors)
    {
        var preview = new ImportPreview();
        preview.Errors.AddRange(errors);
        return Page(c, preview, StatusCodes.Status422UnprocessableEntity, null, false);
    }

    public IActionResult Refuse(Controller c, string message) => Refuse(c, [Issue(message)]);

    private static ImportIssue Issue(string message) => new(null, null, null, message);

    private ViewResult Page(Controller c, ImportPreview preview, int status, string? token, bool multi)
    {
        c.Response.StatusCode = status;
        return c.View("Preview", new ImportPreviewPage
        {
            Preview = preview, Period = period, FileName = _fileName, BackPath = back, UploadAction = uploadAction, PlanToken = token,
            MultiUnit = multi, ElapsedMs = _watch.ElapsedMilliseconds, Timings = _timings,
        });
    }
}
