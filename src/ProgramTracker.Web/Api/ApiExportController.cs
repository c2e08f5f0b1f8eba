using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Import;

namespace ProgramTracker.Web.Api;

/// <summary>
/// Every value of a unit (a province, with everything below it) over a period range, streamed row by row from the
/// database to the response (CSV or JSON lines): memory stays constant whatever the size.
/// </summary>
[Route("api/v1")]
[Tags(ApiOpenApi.FiguresTag)]
public sealed class ApiExportController(ApiDataQueries queries, ApiFilters filters, IOptions<JsonOptions> json) : ApiControllerBase
{
    public const string CsvHeader = "id,unit,set,indicator_id,indicator,period,value,qualifier,as_of,note,source,status,version,updated_by,updated_at_utc";

    [HttpGet("export")]
    [EndpointName("exportValues")]
    [EndpointSummary("Export every value of a unit as CSV or JSON lines")]
    [EndpointDescription("Every value of the unit and the units below it over the period range, streamed row by row in id order (constant memory "
        + "whatever the size): CSV with the header `" + CsvHeader + "`, or one JSON object per line (`format=jsonl`, the fields of `ValueDto`).")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Export(string unit, string? from, string? to, string? set, string? format, CancellationToken ct)
    {
        var csv = format is null or "csv";
        if (!csv && format != "jsonl")
        {
            return BadRequestProblem(F["Api.ExportFormat"]);
        }

        var (lo, hi, periodError) = ApiFilters.PeriodRange(null, from, to);
        var (units, unitError) = periodError is null ? await filters.UnitsAsync(User, unit, ct) : (null, null);
        var (setId, setError) = await filters.SetAsync(set, ct);
        if ((periodError ?? unitError ?? setError) is { } error)
        {
            return error.ToResult();
        }

        // Streamed in key order, never buffered: no ToList, one row at a time from the reader to the response.
        var rows = queries.StreamValues(units, setId, lo, hi);
        Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"values-{unit}.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), 1 << 16);
        if (csv)
        {
            await writer.WriteLineAsync(CsvHeader);
        }

        var options = json.Value.JsonSerializerOptions;
        var n = 0;
        await foreach (var v in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(csv ? CsvLine(v) : JsonSerializer.Serialize(v, options));
            if (++n % 5000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private static string CsvLine(ValueDto v) => string.Join(',',
        v.Id.ToString(CultureInfo.InvariantCulture), SpreadsheetText.CsvField(v.Unit), SpreadsheetText.CsvField(v.Set), v.IndicatorId.ToString(CultureInfo.InvariantCulture), SpreadsheetText.CsvField(v.Indicator),
        v.Period, v.Value?.ToString(CultureInfo.InvariantCulture) ?? "", v.Qualifier.ToString(), v.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        SpreadsheetText.CsvField(v.Note), SpreadsheetText.CsvField(v.Source?.Code), v.Status.ToString(), v.Version.ToString(CultureInfo.InvariantCulture), SpreadsheetText.CsvField(v.UpdatedBy),
        v.UpdatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
