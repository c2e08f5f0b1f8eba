using System.Diagnostics;
using System.Globalization;
using Npgsql;
using ProgramTracker.Core.Seeding;
using ProgramTracker.Tools.Synthetic;

namespace ProgramTracker.Tools;

/// <summary>
/// `dotnet run --project src/ProgramTracker.Tools -c Release -- generate --scale tiny|province|national
/// [--connection "Host=…;Database=…"] [--seeds PATH] [--dry-run] [--catalogue-only]`. Parses arguments only; the work is in
/// <see cref="SyntheticDataGenerator"/>.
/// </summary>
internal static class Program
{
    private const string ConnectionVariable = "ConnectionStrings__ProgramTracker";

    private const string Usage = """
        Usage: ProgramTracker.Tools generate --scale tiny|province|national [--connection CS] [--seeds PATH] [--dry-run] [--catalogue-only]

          --scale       tiny (Lai Châu, 38 units), province (Thanh Hóa, 166 units) or national (34 provinces, 3,321 units):
                        real units of the register (seeds/units-2025), filled from 2025-Q3 to today's quarter
          --connection  PostgreSQL connection string; default: the environment variable ConnectionStrings__ProgramTracker
          --seeds       the seed directory; default: the first seeds/ found from the current directory upwards
          --dry-run     print the rows that would be written, write nothing (needs no database)
          --catalogue-only  the quarters and the synthetic indicators only, no figures (bench/run's seed phase)

        Applies the migrations and the seed (the register included), then adds deterministic synthetic figures to the
        register's units (written by th.generator; the indicators it adds have syn.* codes and [TH] names).
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "import-bench")
        {
            return await Bench.ImportBench.RunAsync(args[1..]);
        }

        if (args[0] == "account-bench")
        {
            return await Bench.AccountBench.RunAsync(args[1..]);
        }

        if (args[0] == "ha-drive")
        {
            return await ProgramTracker.Tools.Drill.HaDrive.RunAsync(args[1..]);
        }

        if (args[0] == "hour-bench")
        {
            return await Bench.HourBench.RunAsync(args[1..]);
        }

        if (args[0] == "save-bench")
        {
            return await Bench.SaveBench.RunAsync(args[1..]);
        }

        if (args[0] != "generate")
        {
            return Fail($"unknown command '{args[0]}'");
        }

        SyntheticScale? scale = null;
        string? connection = null;
        string? seeds = null;
        var dryRun = false;
        var catalogueOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--scale":
                        var raw = Value();
                        scale = raw.ToLowerInvariant() switch
                        {
                            "tiny" => SyntheticScale.Tiny,
                            "province" => SyntheticScale.Province,
                            "national" => SyntheticScale.National,
                            _ => throw new ArgumentException($"--scale must be tiny, province or national, not '{raw}'"),
                        };
                        break;
                    case "--connection":
                        connection = Value();
                        break;
                    case "--seeds":
                        seeds = Value();
                        break;
                    case "--dry-run":
                        dryRun = true;
                        break;
                    case "--catalogue-only":
                        catalogueOnly = true;
                        break;
                    default:
                        throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException ex)
            {
                return Fail(ex.Message);
            }
        }

        if (scale is not { } chosen)
        {
            return Fail("--scale is required");
        }

        seeds = seeds is null ? FindSeeds() : Path.GetFullPath(seeds);
        if (seeds is null)
        {
            return Fail("no seeds/ directory found above the current directory; pass --seeds PATH");
        }

        if (dryRun)
        {
            try
            {
                PrintPlan(SyntheticDataGenerator.Plan(chosen, seeds));
                return 0;
            }
            catch (SeedException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 1;
            }
        }

        connection ??= Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return Fail($"--connection or the environment variable {ConnectionVariable} is required");
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine($"Generating the {Name(chosen)} synthetic dataset (seed {seeds})");
        try
        {
            var result = await SyntheticDataGenerator.GenerateAsync(connection, chosen, seeds, new ConsoleProgress(), ct: cancel.Token, catalogueOnly: catalogueOnly);
            PrintResult(result);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: the bulk load was rolled back, no synthetic figure was written");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or SeedException or NpgsqlException)
        {
            // Failures inside the bulk load roll back with its transaction; migrations and the seed, if applied, stay.
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    /// <summary>The first seeds/ directory (holding units.json) from the current directory upwards.</summary>
    private static string? FindSeeds()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "units.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Name(SyntheticScale scale) => scale.ToString().ToLowerInvariant();

    private static string N(double n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static void PrintPlan(GenerationPlan plan)
    {
        Console.WriteLine($"Dry run, scale {Name(plan.Scale)}: {plan.Provinces} province(s) and {plan.Communes} commune-level units of the register; " +
            $"{plan.Periods} quarters. Nothing is written.");
        foreach (var (quarter, sets, indicators) in plan.PerQuarter)
        {
            Console.WriteLine($"  {quarter}: {sets} sets in force, {indicators} indicators per unit");
        }

        foreach (var (table, rows) in plan.Rows)
        {
            Console.WriteLine($"  {table,-20} {N(rows),14}");
        }

        Console.WriteLine($"  {"total",-20} {N(plan.TotalRows),14}");
    }

    private static void PrintResult(GenerationResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"{"step",-34} {"rows",14} {"seconds",9} {"rows/s",12}");
        foreach (var step in result.Steps)
        {
            Console.WriteLine($"{step.Name,-34} {(step.Rows is { } r ? N(r) : ""),14} {step.Elapsed.TotalSeconds,9:0.0} {(step.RowsPerSecond is { } rps ? N(rps) : ""),12}");
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine($"{"total",-34} {N(result.RowsWritten),14} {result.Elapsed.TotalSeconds,9:0.0} {N(result.RowsPerSecond),12}");
        Console.WriteLine($"peak working set: {peak:0} MB");
    }

    /// <summary>Writes progress on the calling thread, in order (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class ConsoleProgress : IProgress<GeneratorProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _stage;
        private TimeSpan _stageStart;

        public void Report(GeneratorProgress value)
        {
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                _stageStart = _clock.Elapsed;
            }

            var elapsed = _clock.Elapsed;
            var line = $"[{elapsed.TotalSeconds,7:0.0}s] {value.Stage}";
            if (value.Total > 0)
            {
                var seconds = (elapsed - _stageStart).TotalSeconds;
                var rate = seconds > 0 ? value.Rows / seconds : 0;
                line += $": {N(value.Rows)} / {N(value.Total)} ({100.0 * value.Rows / value.Total:0}%, {N(rate)} rows/s)";
            }

            Console.WriteLine(line);
        }
    }
}
