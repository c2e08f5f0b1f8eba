using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Entry;

namespace ProgramTracker.Core.Import;

public sealed record PreviewChange(string? Sheet, int Row, string UnitName, string Code, string Name, string Old, string New, string? OldNote, string? NewNote)
{
    public bool ValueChanged => Old != New;
    public bool NoteChanged => OldNote != NewNote;
}

public sealed record PreviewConflict(string? Sheet, int Row, string UnitName, string Code, string Name, string InFile, string InPortal, string? By, DateTime? AtUtc);

/// <summary>The dry run of an upload: every change, every error, every conflict, and what "Áp dụng" would save.</summary>
public sealed class ImportPreview
{
    public List<ImportIssue> Errors { get; } = [];
    public List<PreviewChange> Changes { get; } = [];
    public List<PreviewConflict> Conflicts { get; } = [];
    public List<string> UnitNames { get; } = [];
    public int RowsRead { get; set; }
    public int Unchanged { get; set; }
    public ImportPlan? Plan { get; set; }
    public bool CanApply => Errors.Count == 0 && Plan is not null && (Changes.Count > 0 || Conflicts.Count > 0);
}

/// <summary>Which units and period an uploaded file says it belongs to, read from its protected stamps.</summary>
public sealed record Identified(IReadOnlyList<int> UnitIds, IReadOnlyList<ImportIssue> Errors, WorkbookStamp? Workbook);

/// <summary>
/// Compares an uploaded form with the portal as it is now: checks structure and stamps, reads each value with the same
/// parser as the entry form, and sorts each row into unchanged, change, conflict or error. Writes nothing.
/// </summary>
public sealed class ImportAnalyzer(ImportStamps stamps, Formats f)
{
    private readonly Dictionary<RowRead, RowStamp?> _decoded = [];

    public Identified Identify(FileRead file, int periodId, string periodLabel)
    {
        var errors = new List<ImportIssue>(file.Errors);
        if (!file.IsCsv)
        {
            var book = stamps.TryReadWorkbook(file.WorkbookStamp);
            if (book is null)
            {
                errors.Add(new ImportIssue(FormColumns.StampSheet, null, null, file.WorkbookStamp is null
                    ? f["Import.NoStampSheet"]
                    : f["Import.StampSheetChanged"]));
                return new Identified([], errors, null);
            }

            if (book.PeriodId != periodId)
            {
                errors.Add(new ImportIssue(null, null, null, f.Format("Import.OtherPeriod", book.PeriodCode, periodLabel)));
                return new Identified([], errors, book);
            }

            var expected = book.Sheets.Select(s => s.Sheet).ToList();
            var actual = file.Sheets.Select(s => s.Name).ToList();
            if (!expected.SequenceEqual(actual))
            {
                errors.Add(new ImportIssue(null, null, null,
                    f.Format("Import.SheetsChanged", string.Join(", ", expected.Select(Q)), string.Join(", ", actual.Select(Q)))));
                return new Identified([], errors, book);
            }

            return new Identified(book.Sheets.Select(s => s.UnitId).ToList(), errors, book);
        }

        var units = new List<int>();
        var otherPeriod = 0;
        foreach (var row in file.Sheets.SelectMany(s => s.Rows))
        {
            var stamp = Decode(row);
            if (stamp is null)
            {
                continue;
            }

            if (stamp.PeriodId != periodId)
            {
                otherPeriod++;
            }
            else if (!units.Contains(stamp.UnitId))
            {
                units.Add(stamp.UnitId);
            }
        }

        if (otherPeriod > 0)
        {
            errors.Add(new ImportIssue(null, null, null, f.Format("Import.RowsOtherPeriod", otherPeriod, periodLabel)));
            return new Identified([], errors, null);
        }

        if (units.Count == 0)
        {
            errors.Add(new ImportIssue(null, null, null, f["Import.NoValidStamp"]));
        }

        return new Identified(units, errors, null);
    }

    public ImportPreview Analyze(FileRead file, Identified identified, FormBundle bundle, string user, string fileName)
    {
        var preview = new ImportPreview();
        preview.Errors.AddRange(identified.Errors);
        preview.UnitNames.AddRange(bundle.Units.Select(u => u.FullName));
        if (bundle.PeriodLocked)
        {
            preview.Errors.Add(new ImportIssue(null, null, null, f.Format("Entry.LockedNoChange", bundle.PeriodLabel)));
        }

        var units = bundle.Units.ToDictionary(u => u.UnitId);
        var groups = new List<(string? Sheet, FormUnit Unit, IReadOnlyList<RowRead> Rows, int? Expected)>();
        if (!file.IsCsv)
        {
            foreach (var (sheet, stamp) in file.Sheets.Zip(identified.Workbook?.Sheets ?? []))
            {
                if (units.TryGetValue(stamp.UnitId, out var unit))
                {
                    groups.Add((sheet.Name, unit, sheet.Rows, stamp.Rows));
                }
            }
        }
        else
        {
            var bySlug = bundle.Units.ToDictionary(u => u.Slug, StringComparer.OrdinalIgnoreCase);
            var rows = bundle.Units.ToDictionary(u => u.UnitId, _ => new List<RowRead>());
            foreach (var row in file.Sheets.SelectMany(s => s.Rows))
            {
                if (Decode(row) is { } s && rows.TryGetValue(s.UnitId, out var list))
                {
                    list.Add(row);
                }
                else if (row.UnitSlug is { } slug && bySlug.TryGetValue(slug, out var unit))
                {
                    rows[unit.UnitId].Add(row);
                }
                else
                {
                    preview.Errors.Add(new ImportIssue(null, row.Row, Q(FormColumns.CsvHeaders[0]), f.Format("Import.UnitNotInFile", row.UnitSlug)));
                }
            }

            groups.AddRange(bundle.Units.Select(u => ((string?)null, u, (IReadOnlyList<RowRead>)rows[u.UnitId], (int?)null)));
        }

        var plan = new List<PlanUnit>();
        foreach (var (sheet, unit, rows, expected) in groups)
        {
            var cells = AnalyzeUnit(preview, file.IsCsv, sheet, unit, rows, expected, bundle);
            if (cells.Count > 0)
            {
                plan.Add(new PlanUnit(unit.UnitId, cells));
            }
        }

        preview.Plan = preview.Errors.Count == 0 && plan.Count > 0 ? new ImportPlan(user, bundle.PeriodId, fileName, plan) : null;
        return preview;
    }

    /// <summary>The text of the first hard bounds rule the cell's number breaks, in the reader's language; null when none.</summary>
    private string? RuleText(FormBundle bundle, FormRow form, RowRead row)
    {
        if (bundle.HardBounds.Count == 0
            || CellRules.Read(ValueKind.Number, row.Value.Text, row.Value.IsNumber ? ValueNotation.SheetNumber : ValueNotation.FileText, null, f) is not { Ok: true, Value: { } n })
        {
            return null;
        }

        return bundle.HardBounds.FirstOrDefault(r => r.AppliesTo(form.IndicatorId, form.ValueType, 0) && ((r.Min is { } lo && n < lo) || (r.Max is { } hi && n > hi)))
            ?.MessageIn(f.IsEnglish);
    }

    private List<PlanCell> AnalyzeUnit(ImportPreview preview, bool csv, string? sheet, FormUnit unit, IReadOnlyList<RowRead> rows, int? expected, FormBundle bundle)
    {
        var cells = new List<PlanCell>();
        var byId = unit.Rows.ToDictionary(r => r.IndicatorId);
        var codes = unit.Rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<int, int>();
        void Error(int? row, string? column, string message) => preview.Errors.Add(new ImportIssue(sheet, row, column, message));
        string Col(string letter, int csvIndex) => csv ? $"“{FormColumns.CsvHeaders[csvIndex]}”" : letter;

        if (expected is { } n && rows.Count != n)
        {
            Error(null, null, f.Format("Import.RowCountChanged", rows.Count, n));
        }

        foreach (var row in rows)
        {
            preview.RowsRead++;
            var formula = new[] { (row.Code, FormColumns.Code, 1), (row.Name, FormColumns.Name, 2), (row.Unit, FormColumns.Unit, 3), (row.Threshold, FormColumns.Threshold, 4),
                (row.Previous, FormColumns.Previous, 5), (row.Value, FormColumns.Value, 6), (row.Note, FormColumns.Note, 7), (row.Stamp, FormColumns.Stamp, 8) }
                .FirstOrDefault(c => c.Item1.IsFormula);
            if (formula.Item2 is not null)
            {
                Error(row.Row, Col(formula.Item2, formula.Item3), f["Import.Formula"]);
                continue;
            }

            var codeText = row.Code.Text?.Trim() ?? "";
            if (codeText.Length > 0 && !codes.Contains(codeText))
            {
                Error(row.Row, Col(FormColumns.Code, 1), f.Format("Import.UnknownCode", codeText, unit.FullName, bundle.PeriodLabel));
                continue;
            }

            var stamp = Decode(row);
            if (row.Stamp.IsEmpty)
            {
                Error(row.Row, Col(FormColumns.Stamp, 8), f["Import.NoStamp"]);
                continue;
            }

            if (stamp is null)
            {
                Error(row.Row, Col(FormColumns.Stamp, 8), f["Import.StampChanged"]);
                continue;
            }

            if (stamp.UnitId != unit.UnitId || stamp.PeriodId != bundle.PeriodId)
            {
                Error(row.Row, Col(FormColumns.Stamp, 8), f.Format("Import.CopiedRow", unit.FullName, bundle.PeriodLabel));
                continue;
            }

            if (!byId.TryGetValue(stamp.IndicatorId, out var form))
            {
                Error(row.Row, Col(FormColumns.Code, 1), f["Import.IndicatorGone"]);
                continue;
            }

            if (seen.TryGetValue(form.IndicatorId, out var first))
            {
                Error(row.Row, null, f.Format("Import.DuplicateRow", first, form.Code));
                continue;
            }

            seen[form.IndicatorId] = row.Row;
            if (codeText != form.Code)
            {
                Error(row.Row, Col(FormColumns.Code, 1), f.Format("Import.CodeMismatch", codeText, form.Code));
                continue;
            }

            var lockedHash = ImportStamps.LockedHash(codeText, row.Name.Text ?? "", row.Unit.Text ?? "", row.Threshold.Text ?? "", WorkbookText.KeyOfText(row.Previous.Text));
            if (lockedHash != stamp.LockedHash)
            {
                var column = (row.Name.Text ?? "") != form.Name ? Col(FormColumns.Name, 2)
                    : (row.Unit.Text ?? "") != (form.Unit ?? "") ? Col(FormColumns.Unit, 3)
                    : (row.Threshold.Text ?? "") != form.Threshold ? Col(FormColumns.Threshold, 4)
                    : WorkbookText.KeyOfText(row.Previous.Text) != WorkbookText.Key(form.PreviousValue) ? Col(FormColumns.Previous, 5)
                    : null;
                Error(row.Row, column, f["Import.LockedCellChanged"]);
                continue;
            }

            // The same limits as the entry form and the API (CellRules); a number cell is read as the number it holds.
            var cell = CellRules.Read(form.ValueType, row.Value.Text, row.Value.IsNumber ? ValueNotation.SheetNumber : ValueNotation.FileText, row.Note.Text, f);
            if (!cell.Ok)
            {
                var noteFault = cell.Fault == CellFault.NoteTooLong || (cell.Fault == CellFault.InvalidText && CellRules.IsValidText(row.Value.Text));
                // A number its type refuses (120 as a rate) gets the catalogue's rule text, as the save would give it (issue 25).
                var refusal = cell.Fault == CellFault.Value ? RuleText(bundle, form, row) ?? cell.Error : cell.Error;
                Error(row.Row, noteFault ? Col(FormColumns.Note, 7) : Col(FormColumns.Value, 6), noteFault ? cell.Error! : $"{form.Name}: {refusal}"); // the name, as column B shows it (issue 32.13: not the code)
                continue;
            }

            var (parsed, note) = (cell, cell.Note);
            var userChanged = WorkbookText.Key(parsed.Value) != stamp.ValueKey || ImportStamps.Hash(note) != stamp.NoteHash;
            if (!userChanged || (parsed.Value == form.Value && note == WorkbookText.CleanNote(form.Note)))
            {
                preview.Unchanged++;
                continue;
            }

            if (form.SetLockedBecause is { } why)
            {
                Error(row.Row, Col(FormColumns.Value, 6), $"{form.Name}: {why}");
                continue;
            }

            if (form.Version != stamp.Version)
            {
                preview.Conflicts.Add(new PreviewConflict(sheet, row.Row, unit.FullName, form.Code, form.Name,
                    WithNote(WorkbookText.Display(parsed.Value, form.ValueType, f), note),
                    WithNote(WorkbookText.Display(form.Value, form.ValueType, f), form.Note),
                    form.UpdatedBy, form.UpdatedAtUtc));
                cells.Add(new PlanCell(form.IndicatorId, parsed.Value, note, form.Version, true));
                continue;
            }

            preview.Changes.Add(new PreviewChange(sheet, row.Row, unit.FullName, form.Code, form.Name,
                WorkbookText.Display(form.Value, form.ValueType, f), WorkbookText.Display(parsed.Value, form.ValueType, f), WorkbookText.CleanNote(form.Note), note));
            cells.Add(new PlanCell(form.IndicatorId, parsed.Value, note, stamp.Version, false));
        }

        foreach (var missing in unit.Rows.Where(r => !seen.ContainsKey(r.IndicatorId)))
        {
            Error(null, null, f.Format("Import.MissingRow", unit.FullName, missing.Code, missing.Name));
        }

        return cells;
    }

    private RowStamp? Decode(RowRead row)
    {
        if (!_decoded.TryGetValue(row, out var stamp))
        {
            _decoded[row] = stamp = stamps.TryReadRow(row.Stamp.Text);
        }

        return stamp;
    }

    private string WithNote(string value, string? note) => note is null ? value : f.Format("Import.WithNote", value, note);

    private static string Q(string s) => $"“{s}”";
}
