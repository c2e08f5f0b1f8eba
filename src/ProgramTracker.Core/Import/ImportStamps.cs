using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ProgramTracker.Core.Import;

/// <summary>
/// What the hidden stamp of one row says about the value it was downloaded with: unit, period, indicator, the version
/// and value at download, and short hashes of the note and of the locked cells. Tampering breaks the protection.
/// </summary>
public sealed record RowStamp(int UnitId, int PeriodId, int IndicatorId, int Version, string ValueKey, string NoteHash, string LockedHash);

/// <summary>The hidden stamp of a workbook: its period and, in order, each data sheet with its unit and row count.</summary>
public sealed record WorkbookStamp(int PeriodId, string PeriodCode, IReadOnlyList<SheetStamp> Sheets);

public sealed record SheetStamp(string Sheet, int UnitId, string Slug, string UnitName, int Rows);

/// <summary>
/// Protects and reads stamps and preview plans with ASP.NET Core data protection (keys kept in the database, so any
/// instance reads what another wrote). A stamp cannot be edited by hand without its check failing.
/// </summary>
public sealed class ImportStamps(IDataProtectionProvider provider)
{
    private readonly IDataProtector _rows = provider.CreateProtector("ProgramTracker.Import.RowStamp.v1");
    private readonly IDataProtector _books = provider.CreateProtector("ProgramTracker.Import.WorkbookStamp.v1");
    private readonly ITimeLimitedDataProtector _plans = provider.CreateProtector("ProgramTracker.Import.Plan.v1").ToTimeLimitedDataProtector();

    public static readonly TimeSpan PlanLifetime = TimeSpan.FromHours(2);

    public string Protect(RowStamp s) => _rows.Protect(string.Join('|',
        s.UnitId.ToString(CultureInfo.InvariantCulture), s.PeriodId.ToString(CultureInfo.InvariantCulture),
        s.IndicatorId.ToString(CultureInfo.InvariantCulture), s.Version.ToString(CultureInfo.InvariantCulture), s.ValueKey, s.NoteHash, s.LockedHash));

    public RowStamp? TryReadRow(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var parts = _rows.Unprotect(text.Trim()).Split('|');
            return parts.Length == 7
                ? new RowStamp(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                    int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture), parts[4], parts[5], parts[6])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public string Protect(WorkbookStamp stamp) => _books.Protect(JsonSerializer.Serialize(stamp));

    public WorkbookStamp? TryReadWorkbook(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WorkbookStamp>(_books.Unprotect(text.Trim()));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Protect(ImportPlan plan) => _plans.Protect(JsonSerializer.Serialize(plan), PlanLifetime);

    public ImportPlan? TryReadPlan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImportPlan>(_plans.Unprotect(text));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A short hash (12 characters) for stamps: enough to notice a change, not to recover the text.</summary>
    public static string Hash(string? text) =>
        text is null ? "" : Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 9));

    /// <summary>The hash of the locked cells of a row, in the order of the columns.</summary>
    public static string LockedHash(string code, string name, string? unit, string threshold, string previousKey) =>
        Hash(string.Join('\u001f', code, name, unit ?? "", threshold, previousKey));
}

/// <summary>
/// What "Áp dụng" applies: the changes the preview listed, protected and time-limited in the page (no server state, so
/// any instance applies it). Conflicting cells carry the version seen at preview and are applied only when asked.
/// </summary>
public sealed record ImportPlan(string User, int PeriodId, string FileName, IReadOnlyList<PlanUnit> Units);

public sealed record PlanUnit(int UnitId, IReadOnlyList<PlanCell> Cells);

/// <param name="I">Indicator id.</param>
/// <param name="V">The new value.</param>
/// <param name="N">The new note.</param>
/// <param name="E">The expected version.</param>
/// <param name="C">True for a conflicting cell (changed in the portal since the download).</param>
public sealed record PlanCell(int I, decimal? V, string? N, int E, bool C);
