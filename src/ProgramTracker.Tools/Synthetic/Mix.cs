namespace ProgramTracker.Tools.Synthetic;

/// <summary>
/// Deterministic pseudo-randomness from keys (SplitMix64): the value for (unit, indicator, period) depends
/// on those keys and the fixed seed only, never on the order rows are produced in or on the runtime's Random.
/// </summary>
public static class Mix
{
    /// <summary>The fixed seed of every synthetic dataset: change it and every number changes.</summary>
    public const ulong Seed = 0x5EED_2021_2025_0001;

    public static ulong Hash(ulong a, ulong b = 0, ulong c = 0, ulong d = 0)
    {
        var h = Step(Seed ^ a);
        h = Step(h ^ b);
        h = Step(h ^ c);
        return Step(h ^ d);
    }

    /// <summary>A number in [0, 1).</summary>
    public static double Unit(ulong a, ulong b = 0, ulong c = 0, ulong d = 0) => (Hash(a, b, c, d) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [-1, 1).</summary>
    public static double Symmetric(ulong a, ulong b = 0, ulong c = 0, ulong d = 0) => Unit(a, b, c, d) * 2 - 1;

    /// <summary>A stable 64-bit hash of a string (FNV-1a): string.GetHashCode differs between processes.</summary>
    public static ulong Of(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 0x100000001B3UL;
        }

        return Step(h);
    }

    private static ulong Step(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A small deterministic generator for building the unit tree (sequential draws from the fixed seed).</summary>
public sealed class SeededRandom(ulong stream)
{
    private ulong _counter;

    public double NextDouble() => Mix.Unit(stream, ++_counter);

    /// <summary>An integer in [min, max].</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min + 1));
}
