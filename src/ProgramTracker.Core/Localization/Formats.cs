using System.Globalization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Core.Localization;

/// <summary>
/// The one formatting service, one instance per culture: words (by key from <see cref="Text"/>), numbers, dates,
/// amounts, periods and the labels of domain values, and the reading of typed numbers by the culture's rule
/// (docs/adr/0005-number-input.md). Vietnamese: 14,5 · 1.250.000 · 25/08/2023; English: 14.5 · 1,250,000 · 25 Aug 2023.
/// Built on fixed NumberFormatInfo so output does not depend on the machine's ICU data. The culture is always explicit:
/// <see cref="For"/> picks the instance; <see cref="Current"/> is the request's UI culture.
/// </summary>
public sealed class Formats
{
    public static readonly Formats Vietnamese = new(CultureInfo.GetCultureInfo("vi-VN"), decimalMark: ',', groupMark: '.');

    public static readonly Formats English = new(CultureInfo.GetCultureInfo("en-US"), decimalMark: '.', groupMark: ',');

    private readonly char decimalMark;
    private readonly char groupMark;

    private Formats(CultureInfo culture, char decimalMark, char groupMark)
    {
        Culture = culture;
        this.decimalMark = decimalMark;
        this.groupMark = groupMark;
        Numbers = new NumberFormatInfo
        {
            NumberDecimalSeparator = decimalMark.ToString(),
            NumberGroupSeparator = groupMark.ToString(),
            NegativeSign = "−",
        };
        var formatting = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        formatting.NumberFormat = Numbers;
        NumberCulture = CultureInfo.ReadOnly(formatting);
    }

    /// <summary>The formats of a culture: English for any English culture, Vietnamese for everything else.</summary>
    public static Formats For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? English : Vietnamese;

    /// <summary>The formats of the current request (its UI culture, set by the request localization middleware).</summary>
    public static Formats Current => For(CultureInfo.CurrentUICulture);

    /// <summary>The UI culture: vi-VN or en-US.</summary>
    public CultureInfo Culture { get; }

    /// <summary>"vi" or "en", for the html lang attribute.</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    public bool IsEnglish => ReferenceEquals(this, English);

    public NumberFormatInfo Numbers { get; }

    /// <summary>An invariant culture with this culture's number marks, for string.Format of numbers.</summary>
    public CultureInfo NumberCulture { get; }

    // --- words -------------------------------------------------------------------------------------------------

    /// <summary>The text of a key (docs/localization.md).</summary>
    public string this[string key] => Text.Get(key, Culture);

    /// <summary>
    /// The text of a key with its placeholders ({0}, {1}) filled; numbers in the arguments follow the culture. A placeholder
    /// may carry a count's two forms, <c>{0:cell has|cells have}</c>: "1 cell has", "3 cells have" (English texts use it;
    /// Vietnamese nouns do not change with the count, so its texts keep a plain {0}).
    /// </summary>
    public string Format(string key, params object?[] args) => string.Format(Counting, Text.Get(key, Culture), args);

    /// <summary>The format provider of <see cref="Format"/>, for views that fill a text's placeholders themselves.</summary>
    public IFormatProvider Counting => _counting ??= new PluralFormatter(this);

    private IFormatProvider? _counting;

    /// <summary>Formats numbers by the culture, and picks the singular or plural form where a placeholder gives both.</summary>
    private sealed class PluralFormatter(Formats formats) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : formats.NumberCulture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? provider)
        {
            if (format is not null && format.Contains('|', StringComparison.Ordinal))
            {
                var forms = format.Split('|', 2);
                return arg switch
                {
                    int or long or decimal or double => $"{formats.Number(Convert.ToDecimal(arg, CultureInfo.InvariantCulture))} {(Convert.ToDecimal(arg, CultureInfo.InvariantCulture) == 1 ? forms[0] : forms[1])}",
                    _ => $"{arg} {forms[1]}",
                };
            }

            return arg is IFormattable formattable ? formattable.ToString(format, formats.NumberCulture) : arg?.ToString() ?? "";
        }
    }

    /// <summary>A catalogue name: in English the English name with the official Vietnamese beside it, or the Vietnamese alone.</summary>
    public string Name(string vietnamese, string? english) =>
        IsEnglish && !string.IsNullOrWhiteSpace(english) ? $"{english} ({vietnamese})" : vietnamese;

    /// <summary>
    /// A catalogue name inside a sentence: in English, the English name when there is one, else the Vietnamese name once, in
    /// quotation marks, so that it reads as a name and not as a half-translated sentence (issue 32.10).
    /// </summary>
    public string InSentence(string vietnamese, string? english) =>
        !IsEnglish ? vietnamese : !string.IsNullOrWhiteSpace(english) ? english : $"“{vietnamese}”";

    /// <summary>A poverty standard's short name in the reader's language (the catalogue holds it in Vietnamese).</summary>
    public string PovertyStandard(string code, string shortName) => Text.Find($"PovertyStandard.{code}", Culture) ?? shortName;

    /// <summary>A catalogue name, short: the English name alone in English when there is one.</summary>
    public string ShortName(string vietnamese, string? english) =>
        IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : vietnamese;

    // --- numbers and dates -------------------------------------------------------------------------------------

    /// <summary>"14,5" / "14.5", "1.500.000" / "1,500,000": no trailing zeros, at most four decimals.</summary>
    public string Number(decimal value) => value.ToString("#,0.####", Numbers);

    public string Number(decimal? value, string? missing = null) => value is { } v ? Number(v) : missing ?? this["Value.Missing"];

    public string Whole(int value) => value.ToString("#,0", Numbers);

    public string Percent(decimal value) => $"{Number(value)} %";

    public string Percent(decimal? value, string? missing = null) => value is { } v ? Percent(v) : missing ?? this["Value.Missing"];

    /// <summary>"ước 68" / "est. 68", "hơn 119" / "over 119": the qualifier a source put on its number.</summary>
    public string Qualified(string formatted, ValueQualifier qualifier, bool money = false) => qualifier switch
    {
        ValueQualifier.Estimate => Format("Value.Estimate", formatted),
        ValueQualifier.MoreThan => Format(money ? "Value.MoreThanMoney" : "Value.MoreThan", formatted),
        _ => formatted,
    };

    /// <summary>Amounts in VND as officials write them: "119 tỷ đồng" / "119 billion VND", "850 triệu đồng" / "850 million VND".</summary>
    public string Money(decimal vnd)
    {
        var abs = Math.Abs(vnd);
        if (abs >= 1_000_000_000m)
        {
            return Format("Money.Billion", Number(Math.Round(vnd / 1_000_000_000m, 3)));
        }

        return abs >= 1_000_000m
            ? Format("Money.Million", Number(Math.Round(vnd / 1_000_000m, 3)))
            : Format("Money.Dong", Number(vnd));
    }

    /// <summary>"25/08/2023" / "25 Aug 2023".</summary>
    public string Date(DateOnly date) =>
        date.ToString(IsEnglish ? "d MMM yyyy" : "dd/MM/yyyy", CultureInfo.InvariantCulture);

    public string Date(DateOnly? date, string? missing = null) => date is { } d ? Date(d) : missing ?? this["Date.Unknown"];

    /// <summary>A moment as local date and time: "25/08/2023 14:05" / "25 Aug 2023 14:05".</summary>
    public string DateTime(DateTime moment) =>
        moment.ToString(IsEnglish ? "d MMM yyyy HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"16/19", "14,5/19", "25/38", "2/chưa rõ".</summary>
    public string Ratio(decimal? met, int? declared) =>
        $"{Number(met, "?")}/{(declared is { } d ? d.ToString(CultureInfo.InvariantCulture) : this["Value.Unclear"])}";

    public static string ComparatorSymbol(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.AtMost => "≤",
        _ => "=",
    };

    /// <summary>"Quý III/2023" / "Q3 2023", or "Năm 2023" / "Year 2023": the way reports name a period.</summary>
    public string Period(int year, int? quarter) =>
        quarter is { } q ? Format("Period.Quarter", year, IsEnglish ? q.ToString(CultureInfo.InvariantCulture) : Roman(q)) : Format("Period.Year", year);

    /// <summary>"6 tháng đầu năm 2026" / "H1 2026" (periods branch, issue 26.1), or a quarter's or a year's label.</summary>
    public string Period(Periods.PeriodKey key) => key.Span == Periods.PeriodSpan.Half
        ? Format(key.Part == 1 ? "Period.Half1" : "Period.Half2", key.Year)
        : Period(key.Year, key.Quarter);

    /// <summary>"quý II" / "Q2": a quarter named inside a sentence.</summary>
    public string QuarterName(int quarter) =>
        Format("Period.QuarterName", IsEnglish ? quarter.ToString(CultureInfo.InvariantCulture) : Roman(quarter));

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    // --- labels of domain values -------------------------------------------------------------------------------

    public string Tier(CriteriaTier tier) => this[$"Tier.{tier}"];

    /// <summary>A threshold zone (region or commune group, see <see cref="Zones"/>) by its code: "Zone.Tdmnpb", "Zone.Nhom1"; the code itself when unknown.</summary>
    public string Zone(string zone)
    {
        if (zone == Zones.Common)
        {
            return this["Zone.Common"];
        }

        var key = "Zone." + string.Concat(zone.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        var text = this[key];
        return text == key ? zone : text;
    }

    public string Level(UnitLevel level) => this[$"Level.{level}"];

    /// <summary>Why a threshold applies to a unit: "ngưỡng vùng Tây Nguyên, vùng của đơn vị" / "threshold of the Central Highlands region, the unit's region".</summary>
    public string ThresholdWhy(ThresholdWhy why) => why.Reason switch
    {
        ThresholdReason.Disadvantaged => this["Threshold.Why.Disadvantaged"],
        ThresholdReason.Region => Format("Threshold.Why.Region", Zone(why.Zone ?? Zones.Common)),
        ThresholdReason.Group => Format("Threshold.Why.Group", why.Group),
        ThresholdReason.NoRegion => this["Threshold.Why.NoRegion"],
        ThresholdReason.NoGroup => this["Threshold.Why.NoGroup"],
        ThresholdReason.Ungrouped => this["Threshold.Unclassified"],
        _ => Format("Threshold.Why.NoSpecific", Zone(why.Zone ?? Zones.Common)),
    };

    public string ValueTypeName(ValueKind type) => this[$"ValueType.{type}"];

    /// <summary>
    /// An indicator's unit of measure in the reader's language: the catalogue writes it in Vietnamese ("triệu
    /// đồng/người/năm"); English readers get the English words where the text resource has them (keys
    /// <c>MeasureUnit.*</c>), otherwise the Vietnamese unit as the catalogue gives it.
    /// </summary>
    public string MeasureUnit(string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? "" : Text.Find($"MeasureUnit.{unit.Trim()}", Culture) ?? unit.Trim();

    /// <summary>Who made a change, for a person to read: the seed's stamp "seed" as "dữ liệu khởi tạo"; user names as they are.</summary>
    public string Who(string? userName) =>
        userName is null ? this["Entry.SomeoneElse"] : userName == Accounts.NamedUser.Seed.Name ? this["Who.Seed"] : userName;

    public string Measure(CapitalMeasure measure) => this[$"Measure.{measure}"];

    public string CapitalKindName(CapitalKind kind) => this[$"CapitalKind.{kind}"];

    public string Reported(ReportedKind kind) => this[$"Reported.{kind}"];

    public string Status(IndicatorStatus status) => this[$"IndicatorStatus.{status}"];

    public string Status(SubmissionStatus status) => this[$"Submission.{status}"];

    public string Step(WorkflowStep step) => this[$"Step.{step}"];

    public string Role(string? role) => role is Roles.Admin or Roles.ProvinceAdmin or Roles.DistrictStaff or Roles.Leader or Roles.CommuneOfficer
        ? this[$"Role.{role}"]
        : this["Role.None"];

    /// <summary>"xã" / "commune", "huyện" / "district": the kind of a unit, lower case.</summary>
    public string UnitKindName(UnitKind kind) => this[$"UnitKind.{kind}"];

    /// <summary>"xã Nam Sơn" / "Nam Sơn commune": the kind with the name, in the language's order.</summary>
    public string UnitName(UnitKind kind, string name) => Format("UnitName", UnitKindName(kind), name);

    public string Threshold(Comparator comparator, decimal? threshold, ValueKind type, string? unit, string? text = null) =>
        type == ValueKind.Boolean ? text is null ? this["Value.Met"] : Format("Threshold.MetWith", text)
        : threshold is { } t ? $"{ComparatorSymbol(comparator)} {Value(t, type, unit)}"
        : text is not null ? Format("Threshold.TextOnly", text)
        : this["Threshold.None"];

    /// <summary>A value as it reads in a table: "0,46 %", "68 triệu đồng/người/năm", "Đạt".</summary>
    public string Value(decimal? value, ValueKind type, string? unit, ValueQualifier qualifier = ValueQualifier.None)
    {
        if (value is not { } v)
        {
            return this["Value.NoData"];
        }

        var text = type switch
        {
            ValueKind.Boolean => v == 1 ? this["Value.Met"] : this["Value.NotMet"],
            ValueKind.Percent => Percent(v),
            // An amount in đồng reads as officials write it; an indicator measured in another unit ("triệu
            // đồng/người/năm") holds its value in that unit, so it is shown in that unit, never as đồng.
            ValueKind.Money when Measures.IsDong(type, unit) => Money(v),
            _ => string.IsNullOrWhiteSpace(unit) ? Number(v) : $"{Number(v)} {MeasureUnit(unit)}",
        };
        return Qualified(text, qualifier, type == ValueKind.Money);
    }

    // --- typed numbers (docs/adr/0005-number-input.md) ---------------------------------------------------------

    /// <summary>The rule for typed numbers, as shown beside number fields.</summary>
    public string NumberRule => this["Number.Rule"];

    /// <summary>Parses what a person types by <see cref="ReadNumber"/>; false for anything it refuses.</summary>
    public bool TryParseNumber(string? input, out decimal value)
    {
        var reading = ReadNumber(input);
        value = reading.Value;
        return reading.Ok;
    }

    /// <summary>
    /// Reads a typed number by the culture's convention. Vietnamese: "," is the decimal mark, "." (or a space) groups
    /// thousands; English: the other way round. A grouping is a first group of one to three digits (not starting with 0)
    /// then groups of exactly three. Refused with a message that shows how to write it: a group mark that is not a
    /// grouping ("14.5" in Vietnamese, "14,5" in English), a lone group without a decimal mark ("68.125" / "68,125":
    /// a decimal or thousands?), the other language's order ("1,234.5" in Vietnamese, "1.234,5" in English).
    /// </summary>
    public NumberReading ReadNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return NumberReading.Fail(this["Number.Empty"]);
        }

        var typed = input.Trim();
        var s = typed.TrimEnd('%').Trim().Replace('\u00a0', ' ').Replace('−', '-');
        var negative = s.StartsWith('-');
        var body = negative ? s[1..].TrimStart() : s;
        if (body.Length == 0 || body.Any(c => !(char.IsAsciiDigit(c) || c is ',' or '.' or ' ')))
        {
            return NumberReading.Fail(this["Number.Unreadable"]);
        }

        var mark = body.IndexOf(decimalMark, StringComparison.Ordinal);
        if (mark >= 0 && body.IndexOf(decimalMark, mark + 1) >= 0)
        {
            return NumberReading.Fail(Format("Number.ManyDecimalMarks", typed));
        }

        var whole = mark >= 0 ? body[..mark] : body;
        var fraction = mark >= 0 ? body[(mark + 1)..] : "";
        if (fraction.Contains(groupMark, StringComparison.Ordinal))
        {
            return NumberReading.Fail(Format("Number.OtherOrder", typed, OtherOrderHint(body)));
        }

        if (fraction.Contains(' ', StringComparison.Ordinal) || (mark >= 0 && fraction.Length == 0) || whole.Length == 0)
        {
            return NumberReading.Fail(this["Number.Unreadable"]);
        }

        var groups = whole.Split(groupMark, ' ');
        if (groups.Length > 1)
        {
            var grouped = groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3);
            var marks = whole.Count(c => c == groupMark);
            if (!grouped)
            {
                return NumberReading.Fail(marks == 1 && mark < 0 && groups[1].Length > 0
                    ? Format("Number.GroupNotDecimal", $"{groups[0]}{decimalMark}{groups[1]}")
                    : Format("Number.BadGrouping", typed));
            }

            if (marks == 1 && mark < 0 && groups.Length == 2)
            {
                return NumberReading.Fail(Format("Number.Ambiguous", typed, groups[0], groups[1], $"{groups[0]}{decimalMark}{groups[1]}", $"{groups[0]}{groups[1]}"));
            }
        }

        var digits = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        if (digits.Length > 40 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return NumberReading.Fail(this["Number.TooLarge"]);
        }

        return NumberReading.Of(negative ? -value : value);
    }

    /// <summary>"1,234.5" as the Vietnamese portal writes it: "1.234,5 hoặc 1234,5" (and the other way round in English).</summary>
    private string OtherOrderHint(string body)
    {
        var point = body.LastIndexOf(groupMark);
        var whole = body[..point].Replace(decimalMark.ToString(), "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var fraction = body[(point + 1)..];
        if (whole.Length == 0 || whole.Any(c => !char.IsAsciiDigit(c)) || fraction.Any(c => !char.IsAsciiDigit(c)) ||
            !decimal.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var w))
        {
            return this["Number.OtherOrderExample"];
        }

        var plain = fraction.Length > 0 ? $"{whole}{decimalMark}{fraction}" : whole;
        var grouped = w.ToString("#,0", Numbers) + (fraction.Length > 0 ? decimalMark + fraction : "");
        return grouped == plain ? plain : Format("Number.Or", grouped, plain);
    }

    /// <summary>A number as the entry form shows it for editing: no grouping, the culture's decimal mark ("1250,5" / "1250.5").</summary>
    public string Editable(decimal value) => value.ToString("0.####", Numbers).Replace('−', '-');
}

/// <summary>A typed number read by <see cref="Formats.ReadNumber"/>: its value, or a message saying how to write it.</summary>
public readonly record struct NumberReading(bool Ok, decimal Value, string? Error)
{
    public static NumberReading Of(decimal value) => new(true, value, null);

    public static NumberReading Fail(string message) => new(false, 0, message);
}
