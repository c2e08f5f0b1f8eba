using System.Globalization;
using System.Net;

namespace ProgramTracker.TestSupport;

/// <summary>
/// Steps a test needs as setup, taken through the pages people use (issue 29 part 5): locking a period is the
/// administrator's button on /admin/periods, a submission is the officer's "submit" on the entry form, never a row
/// written by the test.
/// </summary>
public static class PortalDoors
{
    /// <summary>The administrator locks a period ("2023-Q4") on /admin/periods; throws unless the page accepted it.</summary>
    public static async Task LockPeriodAsync(this PortalFactory factory, string code)
    {
        using var admin = await factory.SignedInClientAsync("admin");
        var response = await admin.PostFormAsync($"/admin/periods/{code}/lock", [], await admin.AntiforgeryTokenAsync("/admin/periods"));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Locking {code} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>A workflow step ("Submit", "Approve", "Return", "Reopen") on an entry form, as the signed-in client; throws unless it was done.</summary>
    public static async Task WorkflowStepAsync(this HttpClient client, string form, int setId, string step, string? comment = null)
    {
        var fields = new Dictionary<string, string> { ["SetId"] = setId.ToString(CultureInfo.InvariantCulture), ["Step"] = step };
        if (comment is not null)
        {
            fields["Comment"] = comment;
        }

        var response = await client.PostFormAsync(form + "/workflow", fields, await client.AntiforgeryTokenAsync(form));
        var page = await client.GetStringAsync(form);
        // The step's result is shown once, beside the set's buttons: a refusal is the red box (not the hidden empty one).
        var refused = page.Contains($"alert alert-danger w-100 mb-1 py-2 step-result\" id=\"set-{setId}-result\"", StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.Redirect || refused)
        {
            throw new InvalidOperationException($"{step} on {form} answered {(int)response.StatusCode}{(refused ? " and was refused" : "")}");
        }
    }
}
