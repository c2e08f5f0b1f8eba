using System.Globalization;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>One column of a set's table: a stable machine key and a label in the downloader's language; zone columns carry their zone code.</summary>
public sealed record TableColumn(string Key, string Label, string? Zone = null)
{
    /// <summary>The header cell as written: "Mã chỉ tiêu (code)". The key in the last parentheses is what the import reads.</summary>
    public string Header => $"{Label} ({Key})";
}

/// <summary>
/// The one shape of a set's table (export, template and import; see docs/catalogue-import.md): a sheet "Chỉ tiêu" whose
/// first row holds "Vietnamese label (key)" headers and each further row one indicator.
/// </summary>
public static class SetTableShape
{
    /// <summary>The indicator sheet's name in a language; the import finds it by either language's name, else takes the first sheet.</summary>
    public static string SheetName(Formats f) => f["SetTable.IndicatorSheet"];

    public static string CriteriaSheetName(Formats f) => f["SetTable.CriteriaSheet"];

    public const string Criterion = "criterion";
    public const string CriterionName = "criterion_name";
    public const string Group = "group";
    public const string Code = "code";
    public const string Wording = "wording";
    public const string Unit = "unit";
    public const string Kind = "kind";
    public const string Comparator = "comparator";
    public const string Threshold = "threshold";
    public const string ThresholdText = "threshold_text";
    public const string Source = "source";
    public const string Combine = "combine";
    public const string CombineReason = "combine_reason";
    public const string ZonePrefix = "threshold_";

    /// <summary>The columns with their labels in <paramref name="f"/>'s language; the import reads the keys, so both languages' tables read alike.</summary>
    public static IReadOnlyList<TableColumn> Columns(ThresholdScheme scheme, Formats f) =>
    [
        new(Criterion, f["SetTable.Criterion"]),
        new(CriterionName, f["SetTable.CriterionName"]),
        new(Group, f["SetTable.Group"]),
        new(Code, f["SetTable.Code"]),
        new(Wording, f["SetTable.Wording"]),
        new(Unit, f["SetTable.Unit"]),
        new(Kind, f["SetTable.Kind"]),
        new(Comparator, f["SetTable.Comparator"]),
        new(Threshold, f["SetTable.Threshold"]),
        new(ThresholdText, f["SetTable.ThresholdText"]),
        .. Zones.Of(scheme).Select(z => new TableColumn(ZonePrefix + z.Code, f.Format("SetTable.ZoneThreshold", f.Zone(z.Code)), z.Code)),
        new(Source, f["SetTable.Source"]),
        new(Combine, f["SetTable.Combine"]),
        new(CombineReason, f["SetTable.CombineReason"]),
    ];

    /// <summary>The key of a header cell: the text in its last parentheses, or the column whose label it is.</summary>
    public static string? KeyOf(string? header, IReadOnlyList<TableColumn> columns)
    {
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.EndsWith(')') && text.LastIndexOf('(') is var open and >= 0)
        {
            return text[(open + 1)..^1].Trim().ToLowerInvariant();
        }

        return columns.FirstOrDefault(c => string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase))?.Key
            ?? text.ToLowerInvariant();
    }

    /// <summary>
    /// The word the export writes for a kind: the Vietnamese word, or the English name (Boolean, Number…); the import takes both.
    /// These words are read-back keys of the file format (<see cref="TryParseKind"/>), so they live here beside the parser,
    /// not in the resources, where a reworded text would stop old files from importing.
    /// </summary>
    public static string KindWord(ValueKind type, Formats f) => f.IsEnglish ? type.ToString() : type switch
    {
        ValueKind.Boolean => "đạt/không đạt",
        ValueKind.Number => "số",
        ValueKind.Percent => "tỷ lệ %",
        ValueKind.Money => "tiền",
        _ => "số đếm",
    };

    /// <summary>How the quarters combine, as the table writes it (a read-back key of the file format, like <see cref="KindWord"/>).</summary>
    public static string CombineWord(QuarterCombine combine, Formats f) => f.IsEnglish ? combine.ToString().ToLowerInvariant() : combine switch
    {
        QuarterCombine.Sum => "cộng",
        QuarterCombine.Mean => "trung bình",
        _ => "cuối kỳ",
    };

    public static bool TryParseCombine(string? text, out QuarterCombine combine)
    {
        QuarterCombine? found = Normalize(text) switch
        {
            "last" or "cuối kỳ" or "số cuối kỳ" or "cuối" => QuarterCombine.Last,
            "sum" or "cộng" or "tổng" => QuarterCombine.Sum,
            "mean" or "trung bình" or "bình quân" => QuarterCombine.Mean,
            _ => null,
        };
        combine = found ?? QuarterCombine.Last;
        return found is not null;
    }

    public static bool TryParseKind(string? text, out ValueKind type)
    {
        var t = Normalize(text);
        ValueKind? found = t switch
        {
            "boolean" or "đạt/không đạt" or "đạt / không đạt" or "đạt-không đạt" => ValueKind.Boolean,
            "number" or "số" => ValueKind.Number,
            "percent" or "tỷ lệ %" or "tỷ lệ (%)" or "tỷ lệ" or "%" => ValueKind.Percent,
            "money" or "tiền" or "số tiền" => ValueKind.Money,
            "count" or "số đếm" => ValueKind.Count,
            _ => null,
        };
        type = found ?? default;
        return found is not null;
    }

    public static string ComparatorSymbol(Comparator comparator) => comparator switch
    {
        Core.Domain.Comparator.AtLeast => ">=",
        Core.Domain.Comparator.AtMost => "<=",
        _ => "=",
    };

    public static bool TryParseComparator(string? text, out Comparator comparator)
    {
        Comparator? found = Normalize(text) switch
        {
            ">=" or "≥" or "atleast" => Core.Domain.Comparator.AtLeast,
            "<=" or "≤" or "atmost" => Core.Domain.Comparator.AtMost,
            "=" or "==" or "equal" => Core.Domain.Comparator.Equal,
            _ => null,
        };
        comparator = found ?? default;
        return found is not null;
    }


    private static string Normalize(string? text) =>
        (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN")).Replace("  ", " ", StringComparison.Ordinal);
}
