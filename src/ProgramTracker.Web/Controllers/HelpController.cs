using System.Text.RegularExpressions;
using ProgramTracker.Web.Models.Help;

namespace ProgramTracker.Web.Controllers;

/// <summary>The user guide in the portal (issue 30): the reader's role's guide in the reader's language, each page linking to its section.</summary>
[AllowAnonymous]
[Route("/help")]
public sealed partial class HelpController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Show(GuideLibrary.For(Roles.All.FirstOrDefault(User.IsInRole)));

    [HttpGet("{guide}")]
    public IActionResult Guide(string guide) => Show(guide);

    /// <summary>A picture of the guide: a browser test's screenshot (docs/guide/pictures), by its plain file name only.</summary>
    [HttpGet("pictures/{file}")]
    public IActionResult Picture(string file)
    {
        var path = Path.Combine(GuideLibrary.Folder, "pictures", file);
        return PictureName().IsMatch(file) && System.IO.File.Exists(path) ? PhysicalFile(path, "image/png") : NotFound();
    }

    private IActionResult Show(string guide) =>
        GuideLibrary.Load(guide, Formats.Current) is { } page ? View("Index", page) : NotFound();

    [GeneratedRegex("^[a-z0-9-]+\\.png$")]
    private static partial Regex PictureName();
}
