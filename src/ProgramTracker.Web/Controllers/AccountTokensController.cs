using ProgramTracker.Web.Models.Account;

namespace ProgramTracker.Web.Controllers;

/// <summary>The signed-in user's personal access tokens for the JSON API: made (shown once), listed, revoked.</summary>
[Route("account/tokens")]
public sealed class AccountTokensController(ApiTokens tokens, TimeProvider clock, ILogger<AccountTokensController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await PageAsync(new TokenForm(), null, ct));

    [HttpPost("")]
    [ShowsFieldErrors]
    // The fields post as "Name", "Days", "CanWrite" (no prefix). Without [Bind(Prefix = "")] the checkbox's hidden
    // "Form.CanWrite" field made the binder read every field under "Form." and lose the typed name (issue 32.7).
    public async Task<IActionResult> Create([Bind(Prefix = "")] TokenForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(form, null, ct));
        }

        var (created, error) = await tokens.CreateAsync(UserId, form.Name, form.Days, form.CanWrite, Formats.Current, ct);
        if (created is null)
        {
            ModelState.AddModelError(nameof(form.Name), error!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(form, null, ct));
        }

        logger.LogInformation("User {UserName} created API token {TokenId} ({Access})", User.Identity?.Name, created.Token.Id, created.Token.CanWrite ? "read-write" : "read-only");
        // The secret is on this answer only: never cached, never stored.
        Response.Headers.CacheControl = "no-store";
        return View("Index", await PageAsync(new TokenForm(), created, ct));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, id, ct))
        {
            return NotFound();
        }

        logger.LogInformation("User {UserName} revoked API token {TokenId}", User.Identity?.Name, id);
        TempData["TokenMessage"] = Formats.Current["Tokens.Revoked"];
        return RedirectToAction(nameof(Index));
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    private async Task<TokensPageModel> PageAsync(TokenForm form, NewApiToken? created, CancellationToken ct) => new()
    {
        Form = form,
        Created = created,
        Tokens = await tokens.OfUserAsync(UserId, ct),
        Message = TempData["TokenMessage"] as string,
        NowUtc = clock.GetUtcNow().UtcDateTime, // the clock the API checks expiry by, not the machine's
    };
}
