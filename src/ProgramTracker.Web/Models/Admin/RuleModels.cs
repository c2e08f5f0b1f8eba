using ProgramTracker.Core.Validation;

namespace ProgramTracker.Web.Models.Admin;

/// <summary>A rule as the set's rule form posts it (every field as typed; <see cref="RuleEditor"/> checks them).</summary>
public sealed class RuleForm
{
    public string? Code { get; set; }
    public string? Kind { get; set; }
    public string? Severity { get; set; }
    public string? Indicator { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Expression { get; set; }
    public string? Share { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? Message { get; set; }
    public string? MessageEn { get; set; }
    public string? Reason { get; set; }
    public string? From { get; set; }

    /// <summary>Unticked: the rule no longer applies from <see cref="From"/> on (retired).</summary>
    public bool Active { get; set; } = true;

    /// <summary>True when editing a stored code (the code box is read-only).</summary>
    public bool Existing { get; set; }

    public RuleDraft ToDraft() => new(Code, Kind, Severity, Indicator, Min, Max, Expression, Share, Name, NameEn, Message, MessageEn, Reason, From, Active);

    public static RuleForm Of(RuleDraft d, bool existing) => new()
    {
        Code = d.Code, Kind = d.Kind, Severity = d.Severity, Indicator = d.Indicator, Min = d.Min, Max = d.Max, Expression = d.Expression,
        Share = d.Share, Name = d.Name, NameEn = d.NameEn, Message = d.Message, MessageEn = d.MessageEn, Reason = d.Reason, From = d.From,
        Active = d.Active, Existing = existing,
    };
}

/// <summary>An indicator of the set, for the rule form's choice and the expression's help.</summary>
public sealed record RuleIndicatorChoice(string Code, string Name, string? NameEn);

/// <summary>The set's rule page: its rules (every version) and the rules common to every set.</summary>
public sealed record RulesPage(string SetCode, string SetName, string? SetNameEn, IReadOnlyList<ValidationRule> Rules, IReadOnlyList<ValidationRule> Common);

public sealed record RuleFormPage(string SetCode, string SetName, string? SetNameEn, RuleForm Form, IReadOnlyList<RuleIndicatorChoice> Indicators, IReadOnlyList<ValidationRule> Versions);
