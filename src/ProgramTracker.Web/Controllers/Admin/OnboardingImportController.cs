using System.Diagnostics;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Onboarding;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// What every onboarding file import shares (accounts, unit classifications): the upload page, the template, reading the
/// file (its errors: the upload page again, 422), the plan protected into the preview page between the dry run and
/// "Áp dụng" (expired or foreign: the upload page again, 422), and the page's limits. A derived controller names its
/// route, columns and payload kind, and maps the rows to its own dry run and apply.
/// </summary>
public abstract class OnboardingImportController<TRow, TPage>(OnboardingFiles files, ICurrentUser currentUser) : Controller
    where TPage : OnboardingPage, new()
{
    /// <summary>The protected payload's kind ("accounts", "classifications"): a preview of one import never applies as another.</summary>
    private const long RequestLimit = 16L * 1024 * 1024;

    protected abstract string Kind { get; }

    protected abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The resource key of the template's sheet name, and the template's file name.</summary>
    protected abstract (string SheetNameKey, string FileName) TemplateFile { get; }

    protected ICurrentUser CurrentUser => currentUser;

    [HttpGet("")]
    public IActionResult Upload() => View("Upload", NewPage());

    [HttpGet("template.xlsx")]
    public IActionResult Template() =>
        File(OnboardingFiles.Template(Columns, Formats.Current[TemplateFile.SheetNameKey], Formats.Current), SetTableWriter.XlsxContentType, TemplateFile.FileName);

    /// <summary>Reads the uploaded file (its errors: the upload page again, 422), then runs the import's dry run on its rows.</summary>
    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview(IFormFile? file, CancellationToken ct)
    {
        var page = NewPage();
        var watch = Stopwatch.StartNew();
        var table = await files.ReadAsync(file, Columns, Formats.Current, ct);
        page.FileName = table.FileName;
        page.FileErrors.AddRange(table.Errors);
        return table.Errors.Count > 0 ? Unprocessable("Upload", page) : await DryRunAsync(table, page, watch, ct);
    }

    /// <summary>Opens the rows the preview protected (expired or foreign: the upload page again, 422), then applies them.</summary>
    [HttpPost("apply")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        var page = NewPage();
        if (files.Unprotect<TRow>(payload, Kind, currentUser.Name) is not { } data)
        {
            page.FileErrors.Add(new ImportError(null, null, Formats.Current["SetImport.PreviewExpired"]));
            return Unprocessable("Upload", page);
        }

        return await ApplyAsync(data, page, ct);
    }

    /// <summary>The dry run of a readable file: the preview page with its plan (422 when the plan has errors).</summary>
    protected abstract Task<IActionResult> DryRunAsync(OnboardingTable table, TPage page, Stopwatch watch, CancellationToken ct);

    /// <summary>"Áp dụng": the protected rows applied in one transaction, or the preview again with the errors (422).</summary>
    protected abstract Task<IActionResult> ApplyAsync(OnboardingPayload<TRow> data, TPage page, CancellationToken ct);

    /// <summary>The rows of a dry run, protected for the preview page to send back with "Áp dụng".</summary>
    protected string Protect(OnboardingTable table, List<TRow> rows) =>
        files.Protect(new OnboardingPayload<TRow>(Kind, currentUser.Name, table.FileName, table.Sha256, rows));

    protected TPage NewPage() => new() { MaxFileBytes = files.Limits.MaxFileBytes, MaxRows = files.Limits.MaxRows };

    protected ViewResult Unprocessable(string view, TPage page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(view, page);
    }
}
