using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Validation;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>An upload turned into the rows CatalogueService takes, with every error by row and column.</summary>
public sealed record ParsedImport(string FileName, string Sha256, IReadOnlyList<IndicatorDefinition> Rows, IReadOnlyList<int> RowNumbers, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<RuleDraft>? Rules = null, int RulesAdded = 0, int RulesChanged = 0)
{
    /// <summary>True when the rules sheet would add or change a rule.</summary>
    public bool RulesChange => RulesAdded + RulesChanged > 0;

    public int? RowOf(string code) => Rows.Select((r, i) => (r, i)).Where(x => x.r.Code == code).Select(x => (int?)RowNumbers[x.i]).FirstOrDefault();
}

/// <summary>What the preview page hands back to "Áp dụng": the parsed rows, signed by the portal and bound to the set, the user and a time limit.</summary>
public sealed record ImportPayload(string SetCode, string UserName, string? EffectiveFrom, string FileName, string Sha256, List<IndicatorDefinition> Rows, List<RuleDraft>? Rules = null);

public sealed class SetTableImporter(ProgramTrackerDbContext db, IOptions<CatalogueImportOptions> options, IDataProtectionProvider protection, RuleEditor rules)
{
    private const string Purpose = "ProgramTracker.CatalogueImport.v1";

    public CatalogueImportOptions Options => options.Value;

    /// <summary>Reads the upload (bounded by the size limit) and maps it to indicator definitions of the set.</summary>
    public Task<ParsedImport> ParseAsync(CriteriaSet set, IFormFile? file, Formats f, CancellationToken ct) => ParseAsync(set, file, null, f, ct);

    /// <summary>
    /// As <see cref="ParseAsync(CriteriaSet, IFormFile?, Formats, CancellationToken)"/>, and the rules sheet checked by
    /// <see cref="RuleEditor"/> (its blank "from" cells take <paramref name="effectiveFrom"/>).
    /// </summary>
    public async Task<ParsedImport> ParseAsync(CriteriaSet set, IFormFile? file, string? effectiveFrom, Formats f, CancellationToken ct)
    {
        var limits = options.Value;
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
        {
            return Fail("", new ImportError(null, null, f["SetImport.NoFile"]));
        }

        var name = Path.GetFileName(file.FileName);
        if (file.Length > limits.MaxFileBytes)
        {
            return Fail(name, new ImportError(null, null, f.Format("SetImport.TooLarge", PreviewTokens.Mb(file.Length, f), PreviewTokens.Mb(limits.MaxFileBytes, f))));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var raw = SetTableReader.Read(name, bytes, limits, f);
        if (raw.Errors.Count > 0)
        {
            return new ParsedImport(name, hash, [], [], raw.Errors);
        }

        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Code }).ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var parsed = Map(set, name, hash, raw, sources, f);
        if (raw.RuleRows.Count == 0)
        {
            return parsed;
        }

        var (drafts, numbers, errors) = RuleTableShape.Map(raw.RuleRows, effectiveFrom?.Trim(), f);
        if (errors.Count == 0)
        {
            var (checkedRules, refused) = await rules.CheckAsync(set.Id, drafts, f, parsed.Rows.Select(r => r.Code).ToList(), ct);
            errors.AddRange(refused.Select(e => new ImportError(numbers[e.Index], RuleTableShape.ColumnOf(e.Error.Field, raw.RuleRows, f), e.Error.Message)));
            if (errors.Count == 0)
            {
                // Rules on indicators the same file adds are new rows whatever is stored.
                var (added, changed) = await rules.PlanAsync(set.Id, checkedRules.OfType<ValidationRule>().ToList(), ct);
                return parsed with { Rules = drafts, RulesAdded = added, RulesChanged = changed };
            }
        }

        return parsed with { Errors = [.. parsed.Errors, .. errors] };
    }

    private static ParsedImport Map(CriteriaSet set, string name, string hash, RawTable raw, IReadOnlyDictionary<string, int> sources, Formats f)
    {
        // The columns are found by the key in each header's parentheses, so a table downloaded in either language reads the same.
        var columns = SetTableShape.Columns(set.ThresholdScheme, f);
        var errors = new List<ImportError>();
        var header = raw.Rows[0];
        var at = new Dictionary<string, int>();
        foreach (var (index, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (SetTableShape.KeyOf(cell.Text, columns) is not { } key)
            {
                continue;
            }

            var letter = SetTableWriter.ColumnName(index);
            if (columns.All(c => c.Key != key))
            {
                errors.Add(new ImportError(header.Number, letter, f.Format("SetImport.UnknownColumn", cell.Text.Trim())));
            }
            else if (!at.TryAdd(key, index))
            {
                errors.Add(new ImportError(header.Number, letter, f.Format("SetImport.ColumnTwice", cell.Text.Trim())));
            }
        }

        foreach (var missing in columns.Where(c => !at.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(header.Number, null, f.Format("SetImport.MissingColumn", missing.Header)));
        }

        if (errors.Count > 0)
        {
            return new ParsedImport(name, hash, [], [], errors);
        }

        var label = columns.ToDictionary(c => c.Key, c => $"{SetTableWriter.ColumnName(at[c.Key])} “{c.Label}”");
        var rows = new List<IndicatorDefinition>();
        var numbers = new List<int>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in raw.Rows.Skip(1))
        {
            var count = errors.Count;
            RawCell Cell(string key) => row.Cells.GetValueOrDefault(at[key]) ?? new RawCell("", null);
            string? Text(string key) => string.IsNullOrWhiteSpace(Cell(key).Text) ? null : Cell(key).Text.Trim();
            void Error(string key, string message) => errors.Add(new ImportError(row.Number, label[key], message));
            decimal? Number(string key, string what)
            {
                var cell = Cell(key);
                if (cell.Number is { } n)
                {
                    return n;
                }

                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    return null;
                }

                // Files write numbers the Vietnamese way whatever the reader's language (docs/localization.md).
                if (Formats.Vietnamese.TryParseNumber(cell.Text, out var parsed))
                {
                    return parsed;
                }

                Error(key, f.Format("SetImport.NotANumber", cell.Text.Trim(), what));
                return null;
            }

            var code = Text(SetTableShape.Code);
            if (code is null)
            {
                Error(SetTableShape.Code, f["SetImport.MissingCode"]);
            }
            else if (code.Length > 64)
            {
                Error(SetTableShape.Code, f["SetImport.CodeTooLong"]);
            }
            else if (seen.TryGetValue(code, out var first))
            {
                Error(SetTableShape.Code, f.Format("SetImport.CodeTwice", code, first));
            }
            else
            {
                seen[code] = row.Number;
            }

            var criterion = 0;
            if (Number(SetTableShape.Criterion, f["SetImport.CriterionNumberWhat"]) is { } c)
            {
                if (c != decimal.Truncate(c) || c < 1 || c > 1000)
                {
                    Error(SetTableShape.Criterion, f.Format("SetImport.NotACriterion", Cell(SetTableShape.Criterion).Text));
                }
                else if (set.Criteria.All(x => x.Number != (int)c))
                {
                    Error(SetTableShape.Criterion, f.Format("SetImport.NoSuchCriterion", (int)c));
                }
                else
                {
                    criterion = (int)c;
                }
            }
            else if (Text(SetTableShape.Criterion) is null)
            {
                Error(SetTableShape.Criterion, f["SetImport.MissingCriterion"]);
            }

            var wording = Text(SetTableShape.Wording);
            if (wording is null)
            {
                Error(SetTableShape.Wording, f["SetImport.MissingWording"]);
            }
            else if (wording.Length > 1000)
            {
                Error(SetTableShape.Wording, f["SetImport.WordingTooLong"]);
            }

            var kindText = Text(SetTableShape.Kind);
            if (!SetTableShape.TryParseKind(kindText, out var kind))
            {
                Error(SetTableShape.Kind, kindText is null ? f.Format("SetImport.MissingKind", f["SetImport.KindChoices"]) : f.Format("SetImport.UnknownKind", kindText, f["SetImport.KindChoices"]));
            }

            var comparatorText = Text(SetTableShape.Comparator);
            if (!SetTableShape.TryParseComparator(comparatorText, out var comparator))
            {
                Error(SetTableShape.Comparator, comparatorText is null ? f.Format("SetImport.MissingComparator", f["SetImport.ComparatorChoices"]) : f.Format("SetImport.UnknownComparator", comparatorText, f["SetImport.ComparatorChoices"]));
            }

            // A threshold by the entry's rules for the indicator's kind (ValueParser): a rate in 0–100, a whole count, at most four decimals.
            decimal? Threshold(string key, string what)
            {
                var value = Number(key, what);
                if (value is { } v && SetTableShape.TryParseKind(kindText, out _) && ValueParser.Check(kind, v, f) is { Ok: false } refused)
                {
                    Error(key, refused.Error!);
                    return null;
                }

                return value;
            }

            var thresholds = new Dictionary<string, ThresholdInput>
            {
                [Zones.Common] = new(Threshold(SetTableShape.Threshold, f["SetImport.CommonThresholdWhat"]), Text(SetTableShape.ThresholdText)),
            };
            foreach (var zone in columns.Where(x => x.Zone is not null))
            {
                if (Threshold(zone.Key, zone.Label.ToLowerInvariant()) is { } value)
                {
                    thresholds[zone.Zone!] = new ThresholdInput(value);
                }
            }

            int? sourceId = null;
            if (Text(SetTableShape.Source) is { } source)
            {
                if (sources.TryGetValue(source, out var id))
                {
                    sourceId = id;
                }
                else
                {
                    Error(SetTableShape.Source, f.Format("SetImport.UnknownSource", source));
                }
            }

            // How the quarters combine: optional (a blank cell keeps the stored rule), one of the table's words.
            QuarterCombine? combine = null;
            if (Text(SetTableShape.Combine) is { } combineText)
            {
                if (SetTableShape.TryParseCombine(combineText, out var parsed))
                {
                    combine = parsed;
                }
                else
                {
                    Error(SetTableShape.Combine, f.Format("SetImport.UnknownCombine", combineText));
                }
            }

            var combineReason = Text(SetTableShape.CombineReason);
            if (combineReason is { Length: > 300 })
            {
                Error(SetTableShape.CombineReason, f["SetImport.CombineReasonTooLong"]);
            }

            if (errors.Count == count)
            {
                rows.Add(new IndicatorDefinition(code!, criterion, wording!, Text(SetTableShape.Unit), kind, comparator, thresholds, SourceId: sourceId,
                    Combine: combine, CombineReason: combineReason));
                numbers.Add(row.Number);
            }
        }

        if (raw.Rows.Count == 1 && errors.Count == 0)
        {
            errors.Add(new ImportError(null, null, f["SetImport.HeaderOnly"]));
        }

        return new ParsedImport(name, hash, rows, numbers, errors);
    }

    public string Protect(ImportPayload payload) =>
        PreviewTokens.Protect(protection, Purpose, payload, CompressionLevel.Optimal, TimeSpan.FromMinutes(options.Value.PreviewMinutes));

    /// <summary>The payload when it is the portal's own, unexpired, and for this set and user; else null.</summary>
    public ImportPayload? Unprotect(string? token, string setCode, string userName) =>
        // A payload holds at most MaxRows rows; anything far larger was not made here.
        PreviewTokens.Unprotect<ImportPayload>(protection, Purpose, token, 8 * 1024 * 1024) is { } payload
        && payload.SetCode == setCode && payload.UserName == userName && payload.Rows.Count <= options.Value.MaxRows ? payload : null;

    private static ParsedImport Fail(string name, ImportError error) => new(name, "", [], [], [error]);

}
