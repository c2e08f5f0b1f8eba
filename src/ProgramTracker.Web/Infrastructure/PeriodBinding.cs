using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using ProgramTracker.Core.Periods;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>Which kinds of period an address accepts.</summary>
[Flags]
public enum PeriodSpans
{
    Quarter = 1,
    Half = 2,
    Year = 4,

    /// <summary>The stored periods: a quarter or a whole year (entry of capital, poverty, targets).</summary>
    Stored = Quarter | Year,
    All = Quarter | Half | Year,
}

/// <summary>
/// An action parameter of type <see cref="PeriodKey"/> (or <c>PeriodKey?</c> where the period may be left out) bound from
/// the address's period ("2026-Q3", "2026-H1", "2026"; the route value or query field <see cref="Name"/>, "period"
/// unless told) and checked against the catalogue snapshot's periods, so that no action or query class parses a period
/// string (issue 27.2). <see cref="UnitAccessFilter"/> answers 404 when the text is not a period of the accepted
/// <see cref="Spans"/> or names one the catalogue does not know; a left-out optional period binds null.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PeriodAttribute(PeriodSpans spans = PeriodSpans.All) : Attribute, IBinderTypeProviderMetadata, IModelNameProvider
{
    private static readonly BindingSource PathOrQuery = CompositeBindingSource.Create([BindingSource.Path, BindingSource.Query], "PathOrQuery");

    public PeriodSpans Spans => spans;

    public string? Name { get; init; } = "period";

    public Type BinderType => typeof(PeriodBinder);

    public BindingSource BindingSource => PathOrQuery;
}

/// <summary>Turns a period's code into a <see cref="PeriodKey"/> the catalogue snapshot knows (no query).</summary>
public sealed class PeriodBinder(CurrentCatalogue catalogue) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var door = (bindingContext.ModelMetadata as DefaultModelMetadata)?.Attributes.ParameterAttributes?.OfType<PeriodAttribute>().FirstOrDefault()
            ?? throw new InvalidOperationException("PeriodBinder binds only parameters marked [Period].");
        var text = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Left out: null where the period is optional (the page picks one), else nothing (404).
            bindingContext.Result = bindingContext.ModelMetadata.IsReferenceOrNullableType ? ModelBindingResult.Success(null) : ModelBindingResult.Failed();
            return;
        }

        var known = PeriodKey.TryParse(text, out var key) && door.Spans.HasFlag(SpanFlag(key.Span))
            && key.IsKnown((await catalogue.GetAsync(bindingContext.HttpContext.RequestAborted)).Periods);
        // An unknown period binds nothing and adds no model error: UnitAccessFilter answers 404 for it.
        bindingContext.Result = known ? ModelBindingResult.Success(key) : ModelBindingResult.Failed();
    }

    private static PeriodSpans SpanFlag(PeriodSpan span) => span switch
    {
        PeriodSpan.Quarter => PeriodSpans.Quarter,
        PeriodSpan.Half => PeriodSpans.Half,
        _ => PeriodSpans.Year,
    };
}
