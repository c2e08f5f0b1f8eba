using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Tests.Unit;

/// <summary>
/// The page models kept per data version (docs/adr/0022): requests that ask for a model while it is being built wait for
/// that build instead of building it again (a province's dashboard after a save, asked for by many leaders at once).
/// </summary>
public class PageDataCacheTests
{
    private sealed record Model(int Build);

    [Fact]
    public async Task Requests_for_a_model_being_built_wait_for_that_build()
    {
        using var cache = new PageDataCache(PageDataCache.DefaultSizeLimit, TimeProvider.System);
        var gate = new TaskCompletionSource();
        var builds = 0;
        async Task<Model?> Build()
        {
            var n = Interlocked.Increment(ref builds);
            await gate.Task;
            return new Model(n);
        }

        var first = cache.GetOrBuildAsync("dashboard|ba-che", "v1", Build, _ => 1);
        var second = cache.GetOrBuildAsync("dashboard|ba-che", "v1", Build, _ => 1);
        gate.SetResult();

        (await first).Should().BeSameAs(await second);
        builds.Should().Be(1, "the second request waited for the first one's build");
        (await cache.GetOrBuildAsync("dashboard|ba-che", "v1", Build, _ => 1)).Should().BeSameAs(await first, "a built model is kept");
        (await cache.GetOrBuildAsync("dashboard|ba-che", "v2", Build, _ => 1)).Should().NotBeSameAs(await first, "a newer data version is another model");
        builds.Should().Be(2);
    }

    [Fact]
    public async Task A_request_waiting_on_a_build_that_was_cancelled_builds_for_itself()
    {
        using var cache = new PageDataCache(PageDataCache.DefaultSizeLimit, TimeProvider.System);
        var gate = new TaskCompletionSource<Model?>();
        var first = cache.GetOrBuildAsync("commune|nam-son", "v1", () => gate.Task, _ => 1);
        var second = cache.GetOrBuildAsync("commune|nam-son", "v1", () => Task.FromResult<Model?>(new Model(2)), _ => 1);
        gate.SetCanceled();

        await FluentActions.Awaiting(() => first).Should().ThrowAsync<OperationCanceledException>("the first request's reader went away");
        (await second).Should().Be(new Model(2));
    }
}
