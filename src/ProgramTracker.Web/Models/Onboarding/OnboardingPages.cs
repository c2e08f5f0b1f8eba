using ProgramTracker.Core.Units;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Models.Onboarding;

public abstract class OnboardingPage
{
    public string? FileName { get; set; }
    public List<ImportError> FileErrors { get; } = [];
    public string? Payload { get; set; }
    public long MaxFileBytes { get; init; }
    public int MaxRows { get; init; }
    public long Milliseconds { get; set; }
}

public sealed class UserImportPage : OnboardingPage
{
    public AccountPlan? Plan { get; set; }
    public IReadOnlyList<IssuedPassword> Issued { get; set; } = [];

    /// <summary>The password sheet as bytes, written into the page once as a download link.</summary>
    public byte[]? PasswordSheet { get; set; }
    public byte[]? PasswordCsv { get; set; }
}

public sealed class ClassificationImportPage : OnboardingPage
{
    public ClassificationPlan? Plan { get; set; }
    public bool Applied { get; set; }
}

/// <summary>The sheet of one-time passwords handed to the administrator after an import: who, where, the password.</summary>
public static class PasswordSheet
{
    public static string[] Headers(Formats f) =>
        [f["UserImport.ColRow"], AccountImport.Columns[0].Header(f), AccountImport.Columns[1].Header(f), AccountImport.Columns[3].Header(f), f["Common.Unit"], AccountImport.Columns[4].Header(f), f["UserImport.ColPassword"]];

    private static IEnumerable<List<object?>> Rows(IReadOnlyList<IssuedPassword> issued, Formats f) =>
        issued.Select(i => new List<object?> { i.Row, i.UserName, i.FullName, f.Role(i.Role), i.UnitName, i.StatisticsCode, i.Password });

    public static byte[] Xlsx(IReadOnlyList<IssuedPassword> issued, Formats f) =>
        SetTableWriter.PlainXlsx(f["UserImport.PasswordSheetName"], Headers(f), Rows(issued, f).ToList(), [8, 22, 28, 18, 28, 12, 24]);

    public static byte[] Csv(IReadOnlyList<IssuedPassword> issued, Formats f) =>
        SetTableWriter.PlainCsv(Headers(f), Rows(issued, f).Select(r => r.Select(c => c?.ToString())));
}
