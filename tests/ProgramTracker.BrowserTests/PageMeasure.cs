using System.Text.Json;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// How a page lies at the current viewport: how far it is wider than the screen, how tall it is, every box that scrolls
/// sideways without saying so, and the first elements that stick out (for the failure message).
/// A table may scroll inside its own box only when that box says so: a visible hint just above it (<c>.scroll-hint</c>),
/// <c>role="region"</c> with an <c>aria-label</c>, and <c>tabindex="0"</c> for the keyboard (js/site.js marks them).
/// </summary>
public sealed record PageMeasure(int Overflow, int Height, string[] Unsaid, string[] Wide)
{
    private const string Script = @"() => {
        const unsaid = [];
        for (const el of document.querySelectorAll('body *')) {
            if (['INPUT', 'SELECT', 'TEXTAREA', 'CANVAS'].includes(el.tagName)) continue;
            const style = getComputedStyle(el);
            if (!['auto', 'scroll'].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
            const hint = el.previousElementSibling;
            const hinted = hint && hint.classList.contains('scroll-hint') && hint.getBoundingClientRect().height > 0 && hint.textContent.trim().length > 0;
            const labelled = el.getAttribute('role') === 'region' && (el.getAttribute('aria-label') || '').trim().length > 0;
            if (!hinted || !labelled || el.getAttribute('tabindex') !== '0') {
                unsaid.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') + (el.querySelector('table[id]') ? ' > #' + el.querySelector('table[id]').id : ''));
            }
        }
        const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'));
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, height: document.documentElement.scrollHeight, unsaid, wide };
    }";

    public static async Task<PageMeasure> OfAsync(IPage page)
    {
        var m = await page.EvaluateAsync<JsonElement>(Script);
        static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
        return new PageMeasure(m.GetProperty("overflow").GetInt32(), m.GetProperty("height").GetInt32(), Strings(m.GetProperty("unsaid")), Strings(m.GetProperty("wide")));
    }

    /// <summary>
    /// Resizes the viewport and waits until the page has laid itself out again: two animation frames (js/site.js re-checks
    /// the scroll boxes on resize in the next frame; Chart.js resizes its canvases from a ResizeObserver).
    /// </summary>
    public static async Task ResizeAsync(IPage page, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /// <summary>Failure lines: the page wider than the screen, or a box that scrolls sideways without a hint, a label and a tab stop.</summary>
    public IEnumerable<string> Failures(string where)
    {
        if (Overflow > 0)
        {
            yield return $"{where} is {Overflow} px wider than the screen: {string.Join(", ", Wide)}";
        }

        if (Unsaid.Length > 0)
        {
            yield return $"{where} scrolls sideways inside {string.Join(", ", Unsaid)} without a hint, a label and a tab stop";
        }
    }
}
