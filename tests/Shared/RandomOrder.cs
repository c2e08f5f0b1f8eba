using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProgramTracker.TestSupport;

/// <summary>
/// The order tests run in. Without <c>PROGRAMTRACKER_TEST_ORDER</c>, xunit's own (by name). With it, "random" draws a seed
/// and a number replays that seed: the test collections (one per test class with a class fixture) and the tests inside
/// each class run shuffled, so a test that leans on what another left behind fails. The seed is reported as an xunit
/// diagnostic message ("Random test order, seed N"), shown by dotnet test because xunit.runner.json turns them on.
/// Wired by <c>[assembly: TestCaseOrderer]</c> and <c>[assembly: TestCollectionOrderer]</c> in each test project.
/// </summary>
public sealed class RandomOrder(IMessageSink diagnostics) : ITestCaseOrderer, ITestCollectionOrderer
{
    public const string Variable = "PROGRAMTRACKER_TEST_ORDER";

    private static readonly Lazy<int?> SeedOnce = new(ReadSeed);
    private static int _reported;

    public static int? Seed => SeedOnce.Value;

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var ordered = new DefaultTestCaseOrderer(diagnostics).OrderTestCases(testCases).ToList();
        if (Seed is not { } seed || ordered.Count == 0)
        {
            return ordered;
        }

        // One stream per class, from the seed and the class's name, so one seed replays the same order in every class.
        return Shuffle(ordered, seed ^ StableHash(ordered[0].TestMethod.TestClass.Class.Name));
    }

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).ToList();
        if (Seed is not { } seed)
        {
            return ordered;
        }

        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"Random test order, seed {seed} (replay: {Variable}={seed})"));
        }

        return Shuffle(ordered, seed);
    }

    private static int? ReadSeed()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, 1_000_000);
    }

    private static List<T> Shuffle<T>(List<T> items, int seed)
    {
        var random = new Random(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    /// <summary>FNV-1a: string.GetHashCode differs from one process to the next.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return unchecked((int)hash);
    }
}
