using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Import;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Models.Onboarding;

/// <summary>An upload read into rows of named cells (by the columns' headers, in either language), or its errors.</summary>
public sealed record OnboardingTable(string FileName, string Sha256, IReadOnlyList<(int Row, IReadOnlyDictionary<string, string?> Cells)> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>What a dry run hands to "Áp dụng": the rows, signed by the portal, bound to the kind of import, the user and a time limit.</summary>
public sealed record OnboardingPayload<T>(string Kind, string UserName, string FileName, string Sha256, List<T> Rows);

/// <summary>
/// The file side of the two onboarding imports (accounts, classifications): reading an upload through the portal's
/// table reader (<see cref="SetTableReader"/>: xlsx by the Open XML SDK with the zip-bomb checks, or CSV) within the
/// limits of the <c>Import</c> section (<see cref="ImportOptions"/>: 5 MB, 20,000 rows), the signed payload between dry
/// run and apply, and the downloadable sheets.
/// </summary>
public sealed class OnboardingFiles(IOptions<ImportOptions> limits, IOptions<CatalogueImportOptions> tables, IDataProtectionProvider protection)
{
    private const string Purpose = "ProgramTracker.Onboarding.v1";

    public ImportOptions Limits => limits.Value;

    public async Task<OnboardingTable> ReadAsync(IFormFile? file, IReadOnlyList<ImportColumn> columns, Formats f, CancellationToken ct)
    {
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
        {
            return Fail("", f["SetImport.NoFile"]);
        }

        var name = Path.GetFileName(file.FileName);
        if (file.Length > limits.Value.MaxFileBytes)
        {
            return Fail(name, f.Format("SetImport.TooLarge", PreviewTokens.Mb(file.Length, f), PreviewTokens.Mb(limits.Value.MaxFileBytes, f)));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var options = new CatalogueImportOptions
        {
            MaxFileBytes = limits.Value.MaxFileBytes,
            MaxRows = limits.Value.MaxRows,
            MaxZipEntries = Math.Min(limits.Value.MaxEntries, tables.Value.MaxZipEntries),
            MaxUncompressedBytes = limits.Value.MaxUncompressedBytes,
        };
        var raw = SetTableReader.Read(name, bytes, options, f);
        if (raw.Errors.Count > 0)
        {
            return new OnboardingTable(name, hash, [], raw.Errors);
        }

        var header = raw.Rows[0];
        var at = new Dictionary<string, int>();
        var errors = new List<ImportError>();
        foreach (var (index, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (columns.FirstOrDefault(c => c.Matches(cell.Text)) is { } column && !at.TryAdd(column.Key, index))
            {
                errors.Add(new ImportError(header.Number, SetTableWriter.ColumnName(index), f.Format("SetImport.ColumnTwice", cell.Text.Trim())));
            }
        }

        foreach (var missing in columns.Where(c => !at.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(header.Number, null, f.Format("Onboarding.MissingColumn", missing.Header(f))));
        }

        if (errors.Count > 0)
        {
            return new OnboardingTable(name, hash, [], errors);
        }

        var rows = raw.Rows.Skip(1).Where(r => !r.IsBlank).Select(r => (r.Number, (IReadOnlyDictionary<string, string?>)at.ToDictionary(
            c => c.Key,
            c => r.Cells.GetValueOrDefault(c.Value) is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null))).ToList();
        return rows.Count == 0 ? Fail(name, f["SetImport.NoRows"]) : new OnboardingTable(name, hash, rows, []);
    }

    public string Protect<T>(OnboardingPayload<T> payload) =>
        PreviewTokens.Protect(protection, Purpose, payload, CompressionLevel.Fastest, TimeSpan.FromMinutes(tables.Value.PreviewMinutes));

    /// <summary>The payload when it is the portal's own, unexpired, of this kind and for this user; else null.</summary>
    public OnboardingPayload<T>? Unprotect<T>(string? token, string kind, string userName) =>
        PreviewTokens.Unprotect<OnboardingPayload<T>>(protection, Purpose, token, 16 * 1024 * 1024) is { } payload
        && payload.Kind == kind && payload.UserName == userName && payload.Rows.Count <= limits.Value.MaxRows ? payload : null;

    /// <summary>An empty workbook with the columns' headers in the reader's language (the import reads either).</summary>
    public static byte[] Template(IReadOnlyList<ImportColumn> columns, string sheet, Formats f) =>
        SetTableWriter.PlainXlsx(sheet, columns.Select(c => c.Header(f)).ToList(), [], columns.Select(_ => 24d).ToList());

    private static OnboardingTable Fail(string name, string message) => new(name, "", [], [new ImportError(null, null, message)]);
}
