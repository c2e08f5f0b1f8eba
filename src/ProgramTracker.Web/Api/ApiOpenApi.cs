using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProgramTracker.Web.Api;

/// <summary>
/// What the OpenAPI document says beyond what the controllers' attributes give: the document's header and tags, the
/// bearer scheme with the scope each operation needs, the shared parameters' descriptions and examples, what each error
/// means, and examples captured from the seeded portal (Examples/*.json: the Nam Sơn form of 2023-Q3).
/// </summary>
public static class ApiOpenApi
{
    public const string CatalogueTag = "Catalogue";
    public const string FiguresTag = "Figures";
    public const string FormsTag = "Forms";
    public const string SchemeName = "bearer";
    public const string ReadScope = "read";
    public const string WriteScope = "write";

    private const string PeriodPattern = "^[0-9]{4}(-Q[1-4]|-H[12])?$";
    private const string WindowPattern = "^[0-9]{4}(-H[12])?$";
    private const string QuarterPattern = "^[0-9]{4}-Q[1-4]$";

    /// <summary>A shared parameter: where it is, what it means, an example from the seed, and optionally a pattern or the values it takes.</summary>
    private sealed record Parameter(string Description, string Example, string? Pattern = null, string[]? Values = null);

    /// <summary>Parameters by operation and name ("*" for every operation), path and query told apart where they differ.</summary>
    private static readonly Dictionary<(string Operation, ParameterLocation In, string Name), Parameter> Parameters = new()
    {
        [("*", ParameterLocation.Query, "unit")] = new("A unit's slug: that unit and the units below it (two levels), within what the token's user reads; "
            + "absent: every unit the user reads.", "ba-che"),
        [("listValueAudit", ParameterLocation.Query, "unit")] = new("The unit's slug.", "nam-son"),
        [("exportValues", ParameterLocation.Query, "unit")] = new("A unit's slug: that unit and the units below it (two levels).", "ba-che"),
        [("*", ParameterLocation.Path, "unit")] = new("The unit's slug.", "nam-son"),
        [("*", ParameterLocation.Query, "set")] = new("A criteria set's code: only that set's indicators.", "ntm-xa"),
        [("*", ParameterLocation.Path, "set")] = new("The criteria set's code.", "ntm-xa"),
        [("*", ParameterLocation.Query, "period")] = new("One period: a quarter (2023-Q3), a half-year (2023-H1: its two quarters) or a year (2023: its quarters and its whole-year figures); overrides `from` and `to`.", "2023-Q3", PeriodPattern),
        [("listCombinedAttainment", ParameterLocation.Query, "period")] = new("The window: a half-year (2023-H2: its two quarters) or a year (2023: its four quarters).", "2023-H2", WindowPattern),
        [("listValueAudit", ParameterLocation.Query, "period")] = new("The quarter (2023-Q3).", "2023-Q3", QuarterPattern),
        [("*", ParameterLocation.Path, "period")] = new("The quarter (2023-Q3).", "2023-Q3", QuarterPattern),
        [("*", ParameterLocation.Query, "from")] = new("The range's first period, inclusive: a quarter (2023-Q1), a half-year (2023-H1, from its first quarter) or a year (2023, from its first quarter).", "2023-Q1", PeriodPattern),
        [("*", ParameterLocation.Query, "to")] = new("The range's last period, inclusive: a quarter (2023-Q4), a half-year (2023-H2, to its end) or a year (2023, to its end, its whole-year figures included).", "2023-Q4", PeriodPattern),
        [("*", ParameterLocation.Query, "cursor")] = new("The next page's cursor: the previous page's `next`; absent for the first page.", "Mw"),
        [("*", ParameterLocation.Query, "limit")] = new("Items per page, 1 to 1000 (100 when absent; a value outside is brought within).", "100"),
        [("listUnits", ParameterLocation.Query, "code")] = new("A statistics code of the official register (e.g. 06970 for a commune, 22 for a province): the unit with that code.", "06970"),
        [("listUnits", ParameterLocation.Query, "validOn")] = new("A day (yyyy-MM-dd): only units in force on that day (valid from on or before it, valid to on or after it).", "2025-07-01"),
        [("getProgramme", ParameterLocation.Path, "code")] = new("The programme's code.", "ntm"),
        [("getCriteriaSet", ParameterLocation.Path, "code")] = new("The criteria set's code.", "ntm-xa"),
        [("listCriteriaSets", ParameterLocation.Query, "programme")] = new("A programme's code: only its sets.", "ntm"),
        [("listSubmissions", ParameterLocation.Query, "status")] = new("Only the submissions in this workflow status.", "submitted"),
        [("listValueAudit", ParameterLocation.Query, "indicator")] = new("The indicator's id (1) or code (ntm-xa.3.1).", "ntm-xa.3.1"),
        [("postWorkflowStep", ParameterLocation.Path, "step")] = new("The step: `submit` (the unit's editors), `approve`, `return` or `reopen` (the reviewer).", "submit",
            Values: ["submit", "approve", "return", "reopen"]),
        [("exportValues", ParameterLocation.Query, "format")] = new("`csv` (the default) or `jsonl` (one JSON object per line).", "csv", Values: ["csv", "jsonl"]),
    };

    private static readonly Dictionary<string, string> ErrorMeanings = new()
    {
        ["400"] = "A filter, the cursor or the body is not valid (`detail` says which).",
        ["401"] = "No token, or an unknown, expired or revoked one, or its account is disabled.",
        ["403"] = "The token's user may not read (or change) this unit, or the token is read-only for a write.",
        ["404"] = "No such unit, set, period, indicator or step.",
        ["409"] = "The write conflicts with the stored state: values changed since they were read (`conflicts` and `current`), the form is locked or approved, "
            + "or the workflow step is not possible now.",
        ["422"] = "Some values are not valid for their indicator (`errors`, one per value); nothing was saved.",
        ["429"] = "Too many requests for this token in the window; retry after `Retry-After` seconds.",
    };

    public static void Configure(OpenApiOptions o)
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer(DescribeDocument);
        o.AddOperationTransformer(DescribeOperation);
        o.AddSchemaTransformer(DescribeSchema);
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ProgramTracker API",
            Version = "v1",
            Description = "Read the portal's catalogue and figures and write a form's values with a personal access token (`Authorization: Bearer pt_…`), "
                + "with the same rules as the entry form. Lists answer `{ \"items\": […], \"next\": \"…\" }`; pass `next` as `cursor` for the following page. "
                + "Errors are RFC 9457 problem details (`application/problem+json`), in the caller's language (`?culture=en`; Vietnamese by default). "
                + "Every example is an answer of the seeded portal. See docs/api.md.",
        };
        // The portal answers on its own address: a client joins the paths to the address it was given.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The portal that serves this document." }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = CatalogueTag, Description = "Programmes, criteria sets with their criteria, indicators and thresholds, units and periods." },
            new() { Name = FiguresTag, Description = "Values, attainment (reported and computed), poverty, capital, targets, submissions, a value's history and the export." },
            new() { Name = FormsTag, Description = "One unit's form of a set for a quarter: read it, save values with their versions, move it through the workflow." },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "pt_…",
            Description = "A personal access token from /account/tokens or the `create-token` command. Every token reads (scope `read`: what its user "
                + "may read); a read-write token also writes (scope `write`: its user's units, as the entry form allows).",
        };
        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = operation.OperationId ?? "";
        var write = context.Description.ActionDescriptor.EndpointMetadata.OfType<AuthorizeAttribute>().Any(a => a.Policy == ApiSetup.WritePolicy);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [write ? WriteScope : ReadScope] }];

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var location = parameter.In ?? ParameterLocation.Query;
            // A non-nullable query string is required by MVC's binding (a 400 when it is absent): the document says so too.
            parameter.Required |= context.Description.ParameterDescriptions.Any(d => d.Name == parameter.Name && (d.IsRequired || d.ModelMetadata?.IsRequired == true));
            if ((Parameters.GetValueOrDefault((id, location, parameter.Name!)) ?? Parameters.GetValueOrDefault(("*", location, parameter.Name!))) is not { } known)
            {
                continue;
            }

            parameter.Description ??= known.Description;
            parameter.Example = int.TryParse(known.Example, out var number) && parameter.Schema?.Type?.HasFlag(JsonSchemaType.Integer) == true
                ? JsonValue.Create(number) : JsonValue.Create(known.Example);
            if (parameter.Schema is OpenApiSchema schema && (known.Pattern is not null || known.Values is not null))
            {
                schema.Pattern = known.Pattern;
                schema.Enum = known.Values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse described)
            {
                continue;
            }

            if (ErrorMeanings.TryGetValue(status, out var meaning))
            {
                described.Description = meaning;
            }

            if (status == "429")
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>();
                described.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds until the window ends.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
            }
            else if (status == "200" && HttpMethods.IsGet(context.Description.HttpMethod ?? ""))
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>();
                described.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The data version for this caller and address: send it in `If-None-Match` to get 304 while nothing changed.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            foreach (var media in described.Content?.Values ?? [])
            {
                if ((Example($"{id}.{status}") ?? Example($"any.{status}")) is { } example)
                {
                    media.Examples = new Dictionary<string, IOpenApiExample> { ["nam-son"] = example };
                }
            }
        }

        if (operation.RequestBody is OpenApiRequestBody body && Example($"{id}.request") is { } request)
        {
            foreach (var media in body.Content?.Values ?? [])
            {
                media.Examples = new Dictionary<string, IOpenApiExample> { ["nam-son"] = request };
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        // A converter of our own (ApiSetup.UtcDateTimeConverter) hides the type from the schema exporter: a time is an RFC 3339 string.
        if (context.JsonTypeInfo.Type == typeof(DateTime) || context.JsonTypeInfo.Type == typeof(DateTime?))
        {
            schema.Type = context.JsonTypeInfo.Type == typeof(DateTime) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        // Enums are written by name (JsonStringEnumConverter): say they are strings, or a generator takes them for numbers.
        if (schema.Enum is { Count: > 0 } values && schema.Type is null && values.All(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
        }

        // The value is kept as sent (JsonElement) so that the controller reads the number's own text: to a client it is a number or null.
        // The indicator is read by a converter of its own (an id as a number, or a code): to a client it is a string.
        if (context.JsonTypeInfo.Type == typeof(PutValue) && schema.Properties?.ContainsKey("value") == true)
        {
            schema.Properties["indicator"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The indicator's id (a JSON number or string, e.g. 1) or code (e.g. ntm-xa.3.1).",
            };
            schema.Properties["value"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number | JsonSchemaType.Null,
                Description = "The value as a JSON number (booleans: 1 = đạt, 0 = không đạt); null clears it. Send either `value` or `raw`.",
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>An example captured from the seeded portal (Examples/NAME.json, embedded), or null.</summary>
    private static OpenApiExample? Example(string name)
    {
        using var stream = typeof(ApiOpenApi).Assembly.GetManifestResourceStream($"ApiExamples.{name}.json");
        return stream is null ? null : new OpenApiExample
        {
            Summary = name.StartsWith("any.", StringComparison.Ordinal) ? "An answer of the seeded portal" : "The seeded portal's Nam Sơn form, 2023-Q3",
            Value = JsonNode.Parse(stream),
        };
    }
}
