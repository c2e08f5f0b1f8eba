using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Data;
using ProgramTracker.Web.Api;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>The API is one slice (issue 27): its controllers live in one folder and read through query classes, never the DbContext.</summary>
public sealed class ApiSliceTests
{
    [Fact]
    public void Every_API_controller_is_in_the_Api_folder_and_none_injects_the_DbContext()
    {
        var controllers = typeof(ApiControllerBase).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ApiControllerBase).IsAssignableFrom(t)).ToList();

        controllers.Should().HaveCount(5); // and ApiTrustController (issue 25)
        controllers.Should().OnlyContain(t => t.Namespace == "ProgramTracker.Web.Api");
        foreach (var controller in controllers)
        {
            controller.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Should().NotContain(typeof(ProgramTrackerDbContext), controller.Name);
            File.Exists(Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", "Api", controller.Name + ".cs")).Should().BeTrue(controller.Name);
        }

        typeof(ApiControllerBase).Assembly.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t) && t.Name.StartsWith("Api", StringComparison.Ordinal))
            .Should().OnlyContain(t => typeof(ApiControllerBase).IsAssignableFrom(t), "an API controller derives from ApiControllerBase");
        foreach (var old in new[] { "Controllers", "Models", "Infrastructure" })
        {
            var folder = Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", old, "Api");
            (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any()).Should().BeFalse(folder + " is empty: the API is in Api/");
        }
    }
}
