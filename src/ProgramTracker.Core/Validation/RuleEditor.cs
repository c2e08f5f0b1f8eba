using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Validation;

/// <summary>
/// A rule of a criteria set as the administrator writes it, on the set's page or in a row of the set table's rules sheet:
/// every field as typed. <see cref="Share"/> is the change in percent for a Change rule (100 = twice or half) and the
/// modified z-score for an Outlier rule (3.5).
/// </summary>
public sealed record RuleDraft(
    string? Code, string? Kind, string? Severity, string? Indicator, string? Min, string? Max, string? Expression, string? Share,
    string? Name, string? NameEn, string? Message, string? MessageEn, string? Reason, string? From, bool Active = true);

/// <summary>A field of a <see cref="RuleDraft"/> refused, with the message to show beside it.</summary>
public sealed record RuleFieldError(string Field, string Message);

/// <summary>The outcome of a save of drafts: the errors per draft (index into the list), or the rows written.</summary>
public sealed record RuleSaveResult(IReadOnlyList<(int Index, RuleFieldError Error)> Errors, int Added, int Changed)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// The administrator's door to a set's validation rules (issue 25): the set's page and the set table's rules sheet both
/// go through <see cref="CheckAsync"/> and <see cref="SaveAsync"/>. Every expression is parsed against the set's indicator
/// codes when saved (an unknown code or bad syntax refused with its position). Rules are versioned like thresholds: a
/// draft with a code and a start period already stored changes that row, another start adds a version from that period
/// on, and "no longer applies" (<see cref="RuleDraft.Active"/> false) retires the rule from its period. One transaction,
/// one audit line per row written.
/// </summary>
public sealed partial class RuleEditor(ProgramTrackerDbContext db)
{
    public static class Fields
    {
        public const string Code = nameof(RuleDraft.Code);
        public const string Kind = nameof(RuleDraft.Kind);
        public const string Severity = nameof(RuleDraft.Severity);
        public const string Indicator = nameof(RuleDraft.Indicator);
        public const string Min = nameof(RuleDraft.Min);
        public const string Max = nameof(RuleDraft.Max);
        public const string Expression = nameof(RuleDraft.Expression);
        public const string Share = nameof(RuleDraft.Share);
        public const string Name = nameof(RuleDraft.Name);
        public const string NameEn = nameof(RuleDraft.NameEn);
        public const string Message = nameof(RuleDraft.Message);
        public const string MessageEn = nameof(RuleDraft.MessageEn);
        public const string Reason = nameof(RuleDraft.Reason);
        public const string From = nameof(RuleDraft.From);
    }

    /// <summary>The rules kept with a set (its own, and bounds on its indicators), every version, oldest first per code.</summary>
    public Task<List<ValidationRule>> OfSetAsync(int setId, CancellationToken ct) =>
        db.ValidationRules.AsNoTracking().Include(r => r.Indicator)
            .Where(r => r.CriteriaSetId == setId || (r.Indicator != null && r.Indicator.Criterion.CriteriaSetId == setId))
            .OrderBy(r => r.Code).ThenBy(r => r.FromYear).ThenBy(r => r.FromQuarter)
            .ToListAsync(ct);

    /// <summary>The rules that apply to every set (by value type, or to every indicator), latest version per code.</summary>
    public async Task<List<ValidationRule>> CommonAsync(CancellationToken ct)
    {
        var rows = await db.ValidationRules.AsNoTracking().Where(r => r.CriteriaSetId == null && r.IndicatorId == null).ToListAsync(ct);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.FromKey)!).OrderBy(r => r.Kind).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks drafts of one set without writing; the rules they would be, and the errors beside their fields.
    /// <paramref name="pending"/>: indicator codes the same upload adds to the set (a rule may read them; they are stored first).
    /// </summary>
    public async Task<(List<ValidationRule?> Rules, List<(int Index, RuleFieldError Error)> Errors)> CheckAsync(int setId, IReadOnlyList<RuleDraft> drafts, Formats f, IReadOnlyCollection<string>? pending, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Criterion.CriteriaSetId == setId)
            .Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        foreach (var code in pending ?? [])
        {
            indicators.TryAdd(code, 0);
        }

        var codes = drafts.Select(d => d.Code?.Trim()).OfType<string>().ToList();
        var elsewhere = await db.ValidationRules.AsNoTracking()
            .Where(r => codes.Contains(r.Code) && (r.CriteriaSetId == null || r.CriteriaSetId != setId))
            .Where(r => r.IndicatorId == null || r.Indicator!.Criterion.CriteriaSetId != setId)
            .Select(r => r.Code).Distinct().ToListAsync(ct);
        var rules = new List<ValidationRule?>();
        var errors = new List<(int, RuleFieldError)>();
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var own = new List<RuleFieldError>();
            var rule = Check(setId, drafts[i], indicators, elsewhere, f, own);
            if (rule is not null && !seen.Add((rule.Code, rule.FromKey)))
            {
                own.Add(new RuleFieldError(Fields.Code, f.Format("Rule.CodeTwice", rule.Code, PeriodCode.Format(rule.FromYear, rule.FromQuarter))));
            }

            rules.Add(own.Count == 0 ? rule : null);
            errors.AddRange(own.Select(e => (i, e)));
        }

        return (rules, errors);
    }

    /// <summary>Checks and saves the drafts in one transaction; nothing is written when any is refused.</summary>
    public async Task<RuleSaveResult> SaveAsync(int setId, IReadOnlyList<RuleDraft> drafts, Formats f, CancellationToken ct)
    {
        var (rules, errors) = await CheckAsync(setId, drafts, f, null, ct);
        if (errors.Count > 0)
        {
            return new RuleSaveResult(errors, 0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (added, changed) = await WriteAsync(setId, rules.OfType<ValidationRule>().ToList(), write: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RuleSaveResult([], added, changed);
    }

    /// <summary>How many rows checked rules would add and change (the import's preview); nothing is written.</summary>
    public Task<(int Added, int Changed)> PlanAsync(int setId, IReadOnlyList<ValidationRule> rules, CancellationToken ct) =>
        WriteAsync(setId, rules, write: false, ct);

    private async Task<(int Added, int Changed)> WriteAsync(int setId, IReadOnlyList<ValidationRule> rules, bool write, CancellationToken ct)
    {
        var codes = rules.Select(r => r.Code).Distinct().ToList();
        var stored = write
            ? await db.ValidationRules.Where(r => codes.Contains(r.Code)).ToListAsync(ct)
            : await db.ValidationRules.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        var (added, changed) = (0, 0);
        foreach (var rule in rules)
        {
            var row = stored.FirstOrDefault(r => r.Code == rule.Code && r.FromYear == rule.FromYear && r.FromQuarter == rule.FromQuarter);
            var before = row is null ? null : Describe(row);
            if (row is not null && before == Describe(rule) && Same(row, rule))
            {
                continue;
            }

            if (row is null)
            {
                added++;
            }
            else
            {
                changed++;
            }

            if (!write)
            {
                continue;
            }

            if (row is null)
            {
                db.ValidationRules.Add(rule);
            }
            else
            {
                (row.Kind, row.Severity, row.CriteriaSetId, row.IndicatorId, row.ValueType) = (rule.Kind, rule.Severity, rule.CriteriaSetId, rule.IndicatorId, rule.ValueType);
                (row.Min, row.Max, row.Expression, row.Share, row.Active) = (rule.Min, rule.Max, rule.Expression, rule.Share, rule.Active);
                (row.Name, row.NameEn, row.Message, row.MessageEn, row.Reason) = (rule.Name, rule.NameEn, rule.Message, rule.MessageEn, rule.Reason);
            }

            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.CatalogueChanged, CriteriaSetId = setId, IndicatorId = rule.IndicatorId,
                OldValue = before, NewValue = Describe(rule),
                // Stored audit note: Vietnamese, as every stored note (docs/localization.md).
                Note = $"Quy tắc kiểm tra {rule.Code} từ {PeriodCode.Format(rule.FromYear, rule.FromQuarter)}",
            });
        }

        return (added, changed);
    }

    /// <summary>A draft as the form shows it, from a stored rule (the change share back in percent).</summary>
    public static RuleDraft ToDraft(ValidationRule r, string? indicatorCode) => new(
        r.Code, r.Kind.ToString(), r.Severity.ToString(), indicatorCode, Invariant(r.Min), Invariant(r.Max), r.Expression,
        Invariant(r.Kind == RuleKind.Change && r.Share is { } s ? s * 100m : r.Share),
        r.Name, r.NameEn, r.Message, r.MessageEn, r.Reason, PeriodCode.Format(r.FromYear, r.FromQuarter), r.Active);

    /// <summary>The message for an expression refused by the parser, in <paramref name="f"/>'s language, with the 1-based position.</summary>
    public static string ExpressionMessage(ExpressionError error, string text, Formats f)
    {
        var at = Math.Clamp(error.Position, 0, text.Length);
        var found = at < text.Length ? text[at].ToString() : "";
        return error.Fault == ExpressionFault.UnknownCode
            ? f.Format("RuleExpr.UnknownCode", error.Detail, at + 1)
            : f.Format($"RuleExpr.{error.Problem}", at + 1, found);
    }

    /// <summary>Reads a kind as the form posts it (Bounds) or as the table writes it (giới hạn).</summary>
    public static bool TryParseKind(string? text, out RuleKind kind) => TryParseNamed(text, "Rule.Kind", out kind);

    public static bool TryParseSeverity(string? text, out RuleSeverity severity) => TryParseNamed(text, "Rule.Severity", out severity);

    /// <summary>An enum value by its C# name or by its name in either language (resource <c>{prefix}.{value}</c>), any case.</summary>
    private static bool TryParseNamed<T>(string? text, string prefix, out T value)
        where T : struct, Enum
    {
        value = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(t, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, Formats.Vietnamese[$"{prefix}.{candidate}"], StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, Formats.English[$"{prefix}.{candidate}"], StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static ValidationRule? Check(int setId, RuleDraft d, IReadOnlyDictionary<string, int> indicators, List<string> elsewhere, Formats f, List<RuleFieldError> errors)
    {
        void Error(string field, string message) => errors.Add(new RuleFieldError(field, message));
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        decimal? Number(string field, string? raw)
        {
            if (Text(raw) is not { } t)
            {
                return null;
            }

            if (f.TryParseNumber(t, out var n) || Formats.Vietnamese.TryParseNumber(t, out n))
            {
                return n;
            }

            Error(field, f.Format("Rule.NotANumber", t));
            return null;
        }

        string? Required(string field, string? raw, int max, string missingKey)
        {
            var t = Text(raw);
            if (t is null)
            {
                Error(field, f[missingKey]);
            }
            else if (t.Length > max)
            {
                Error(field, f.Format("Rule.TooLong", max));
            }

            return t;
        }

        var code = Text(d.Code);
        if (code is null)
        {
            Error(Fields.Code, f["Rule.CodeMissing"]);
        }
        else if (code.Length > 100 || !CodePattern().IsMatch(code))
        {
            Error(Fields.Code, f["Rule.CodeBad"]);
        }
        else if (elsewhere.Contains(code, StringComparer.Ordinal))
        {
            Error(Fields.Code, f.Format("Rule.CodeElsewhere", code));
        }

        var kindOk = TryParseKind(d.Kind, out var kind);
        if (!kindOk)
        {
            Error(Fields.Kind, f["Rule.KindMissing"]);
        }

        var severityOk = TryParseSeverity(d.Severity, out var severity);
        if (!severityOk)
        {
            Error(Fields.Severity, f["Rule.SeverityMissing"]);
        }
        else if (kindOk && severity == RuleSeverity.Hard && kind is RuleKind.Change or RuleKind.Outlier)
        {
            Error(Fields.Severity, f["Rule.SoftOnly"]);
        }

        int? indicatorId = null;
        if (Text(d.Indicator) is { } ind)
        {
            if (indicators.TryGetValue(ind, out var id))
            {
                indicatorId = id;
            }
            else
            {
                Error(Fields.Indicator, f.Format("Rule.IndicatorNotInSet", ind));
            }
        }
        else if (kindOk && kind == RuleKind.Bounds)
        {
            Error(Fields.Indicator, f["Rule.IndicatorMissing"]);
        }

        var min = Number(Fields.Min, d.Min);
        var max = Number(Fields.Max, d.Max);
        var share = Number(Fields.Share, d.Share);
        string? expression = null;
        if (kindOk)
        {
            switch (kind)
            {
                case RuleKind.Bounds when min is null && max is null && Text(d.Min) is null && Text(d.Max) is null:
                    Error(Fields.Min, f["Rule.BoundsMissing"]);
                    break;
                case RuleKind.Bounds when min > max:
                    Error(Fields.Max, f["Rule.MinAboveMax"]);
                    break;
                case RuleKind.Expression:
                    expression = Text(d.Expression);
                    if (expression is null)
                    {
                        Error(Fields.Expression, f["Rule.ExpressionMissing"]);
                    }
                    else if (expression.Length > ValidationLimits.Expression)
                    {
                        Error(Fields.Expression, f.Format("Rule.TooLong", ValidationLimits.Expression));
                    }
                    else if (RuleExpression.Parse(expression, indicators.ContainsKey).Error is { } problem)
                    {
                        Error(Fields.Expression, ExpressionMessage(problem, expression, f));
                    }

                    break;
                case RuleKind.Change or RuleKind.Outlier when share is null && Text(d.Share) is null:
                    Error(Fields.Share, f[kind == RuleKind.Change ? "Rule.ChangeShareMissing" : "Rule.OutlierZMissing"]);
                    break;
                case RuleKind.Change or RuleKind.Outlier when share <= 0:
                    Error(Fields.Share, f["Rule.SharePositive"]);
                    break;
            }
        }

        var name = Required(Fields.Name, d.Name, ValidationLimits.Name, "Rule.NameMissing");
        var nameEn = Required(Fields.NameEn, d.NameEn, ValidationLimits.Name, "Rule.NameEnMissing");
        var message = Required(Fields.Message, d.Message, ValidationLimits.Message, "Rule.MessageMissing");
        var messageEn = Required(Fields.MessageEn, d.MessageEn, ValidationLimits.Message, "Rule.MessageEnMissing");
        var reason = Text(d.Reason);
        if (reason is { Length: > ValidationLimits.Message })
        {
            Error(Fields.Reason, f.Format("Rule.TooLong", ValidationLimits.Message));
        }

        int year = 0;
        int? quarter = null;
        if (Text(d.From) is not { } from)
        {
            Error(Fields.From, f["Rule.FromMissing"]);
        }
        else if (!PeriodCode.TryParse(from, out year, out quarter) || quarter is null)
        {
            Error(Fields.From, f.Format("Rule.FromBad", from));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ValidationRule
        {
            Code = code!, Kind = kind, Severity = severity, CriteriaSetId = setId, IndicatorId = kind == RuleKind.Expression ? null : indicatorId,
            Min = kind == RuleKind.Bounds ? min : null, Max = kind == RuleKind.Bounds ? max : null, Expression = expression,
            Share = kind switch { RuleKind.Change => share / 100m, RuleKind.Outlier => share, _ => null },
            FromYear = year, FromQuarter = quarter!.Value, Active = d.Active,
            Name = name!, NameEn = nameEn!, Message = message!, MessageEn = messageEn!, Reason = reason,
        };
    }

    private static bool Same(ValidationRule a, ValidationRule b) =>
        a.Name == b.Name && a.NameEn == b.NameEn && a.Message == b.Message && a.MessageEn == b.MessageEn && a.Reason == b.Reason
        && a.CriteriaSetId == b.CriteriaSetId && a.IndicatorId == b.IndicatorId;

    /// <summary>The rule's test as stored in the audit trail (not shown translated): kind, severity and what it checks.</summary>
    private static string Describe(ValidationRule r) =>
        $"{r.Kind} {r.Severity}{(r.Active ? "" : " retired")}: " + r.Kind switch
        {
            RuleKind.Bounds => $"[{Invariant(r.Min) ?? "-∞"}; {Invariant(r.Max) ?? "+∞"}]",
            RuleKind.Expression => r.Expression ?? "",
            _ => Invariant(r.Share) ?? "",
        };

    private static string? Invariant(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex CodePattern();
}
