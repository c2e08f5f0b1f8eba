using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramTracker.Web.Infrastructure.Binding;

/// <summary>
/// An action parameter named like a <c>{param}</c> of its route template binds from the route only. MVC's default
/// order puts form fields and the query string before route values, so a posted <c>Code=8.1</c> or <c>period=2023-Q2</c>
/// would otherwise replace the address's set code or period, and a form field <c>code</c> would choose the error page.
/// </summary>
public sealed partial class RouteValuesFromRouteOnly : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            var controllerNames = Names(controller.Selectors);
            foreach (var action in controller.Actions)
            {
                var names = new HashSet<string>(controllerNames, StringComparer.OrdinalIgnoreCase);
                names.UnionWith(Names(action.Selectors));
                foreach (var parameter in action.Parameters.Where(p => names.Contains(p.ParameterName)))
                {
                    var source = parameter.BindingInfo?.BindingSource;
                    if (source is null || source == BindingSource.ModelBinding || source == BindingSource.Path)
                    {
                        parameter.BindingInfo ??= new BindingInfo();
                        parameter.BindingInfo.BindingSource = BindingSource.Path;
                    }
                }
            }
        }
    }

    /// <summary>The names of the route parameters of these selectors' templates: "{code:int}" and "{*rest}" give "code", "rest".</summary>
    public static IEnumerable<string> Names(IEnumerable<SelectorModel> selectors) =>
        selectors.Select(s => s.AttributeRouteModel?.Template).OfType<string>()
            .SelectMany(t => Parameter().Matches(t).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"\{\**([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
