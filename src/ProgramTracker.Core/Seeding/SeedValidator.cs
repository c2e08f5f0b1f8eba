using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Seeding;

/// <summary>Cross-file checks: every reference resolves, every period parses, every record has a source.</summary>
internal sealed class SeedValidator(SeedData data)
{
    private readonly HashSet<string> _sources = data.Sources.Select(s => s.Code).ToHashSet();
    private readonly HashSet<string> _units = data.Units.Select(u => u.Slug).ToHashSet();
    private readonly HashSet<string> _periods = data.Periods.Select(p => p.Code).ToHashSet();
    private readonly HashSet<string> _programmes = data.Programmes.Select(p => p.Code).ToHashSet();
    private readonly HashSet<string> _sets = data.CriteriaSets.Select(s => s.Code).ToHashSet();
    private readonly HashSet<string> _standards = data.PovertyStandards.Select(s => s.Code).ToHashSet();
    private readonly HashSet<string> _indicators = data.CriteriaSets
        .SelectMany(s => s.Criteria).SelectMany(c => c.Indicators ?? []).Select(i => i.Code).ToHashSet();

    public void Validate(
        List<Located<ReportedAttainmentSeed>> reported,
        List<Located<IndicatorValueSeed>> values,
        List<Located<PovertySeed>> poverty,
        List<Located<CapitalSeed>> capital,
        List<Located<TargetSeed>> targets,
        List<Located<HighlightSeed>> highlights)
    {
        ValidateCatalogue();

        foreach (var r in reported)
        {
            Ref(r, "reportedAttainments", "criteriaSet", r.Item.CriteriaSet, _sets);
            Ref(r, "reportedAttainments", "period", r.Item.Period, _periods);
            Ref(r, "reportedAttainments", "source", r.Item.Source, _sources);
            if (r.Item.Units.Count == 0)
            {
                throw r.Error("reportedAttainments", "units", "a reported figure needs at least one unit in scope");
            }

            foreach (var unit in r.Item.Units)
            {
                Ref(r, "reportedAttainments", "units", unit, _units);
            }

            if (r.Item.Kind == ReportedKind.Exact && r.Item.Units.Count != 1)
            {
                throw r.Error("reportedAttainments", "units", "an exact figure belongs to exactly one unit; use GroupAverage for a group");
            }

            if (r.Item.Kind == ReportedKind.UnitsAchieved && r.Item.UnitsAchieved is null)
            {
                throw r.Error("reportedAttainments", "unitsAchieved", "required when kind is UnitsAchieved");
            }

            if (r.Item.Kind != ReportedKind.UnitsAchieved && r.Item.CriteriaMet is null && r.Item.IndicatorsMet is null)
            {
                throw r.Error("reportedAttainments", "criteriaMet", "a reported attainment needs criteriaMet or indicatorsMet");
            }
        }

        foreach (var v in values)
        {
            Ref(v, "indicatorValues", "unit", v.Item.Unit, _units);
            Ref(v, "indicatorValues", "indicator", v.Item.Indicator, _indicators);
            Ref(v, "indicatorValues", "period", v.Item.Period, _periods);
            Ref(v, "indicatorValues", "source", v.Item.Source, _sources);
        }

        foreach (var p in poverty)
        {
            Ref(p, "povertyRecords", "unit", p.Item.Unit, _units);
            Ref(p, "povertyRecords", "period", p.Item.Period, _periods);
            Ref(p, "povertyRecords", "standard", p.Item.Standard, _standards);
            Ref(p, "povertyRecords", "source", p.Item.Source, _sources);
            Rate(p, "reportedPoorRate", p.Item.ReportedPoorRate);
            Rate(p, "reportedNearPoorRate", p.Item.ReportedNearPoorRate);
        }

        foreach (var c in capital)
        {
            Ref(c, "capitalFigures", "programme", c.Item.Programme, _programmes);
            Ref(c, "capitalFigures", "unit", c.Item.Unit, _units);
            Ref(c, "capitalFigures", "period", c.Item.Period, _periods);
            Ref(c, "capitalFigures", "source", c.Item.Source, _sources);
            if (c.Item.AmountVnd < 0)
            {
                throw c.Error("capitalFigures", "amountVnd", "an amount cannot be negative");
            }
        }

        foreach (var t in targets)
        {
            Ref(t, "targets", "unit", t.Item.Unit, _units);
            Ref(t, "targets", "indicator", t.Item.Indicator, _indicators);
            Ref(t, "targets", "source", t.Item.Source, _sources);
        }

        foreach (var h in highlights)
        {
            if (h.Item.Programme is not null)
            {
                Ref(h, "highlights", "programme", h.Item.Programme, _programmes);
            }

            Ref(h, "highlights", "unit", h.Item.Unit, _units);
            Ref(h, "highlights", "period", h.Item.Period, _periods);
            Ref(h, "highlights", "source", h.Item.Source, _sources);
        }
    }

    private void ValidateCatalogue()
    {
        foreach (var (field, code) in new[] { ("provinces.source", data.Register.ProvincesSource), ("units.source", data.Register.UnitsSource) })
        {
            if (data.Register.Provinces.Count > 0 && !_sources.Contains(code))
            {
                throw new SeedException(SeedLoader.RegisterManifest, $"$.{field}", $"unknown source '{code}'");
            }
        }

        for (var i = 0; i < data.Units.Count; i++)
        {
            var u = data.Units[i];
            if (!IsSlug(u.Slug))
            {
                throw new SeedException("units.json", $"$.units[{i}].slug", $"'{u.Slug}' is not an ASCII slug (a-z, 0-9, '-')");
            }

            if (u.Parent is not null && !_units.Contains(u.Parent))
            {
                throw new SeedException("units.json", $"$.units[{i}].parent", $"unknown unit '{u.Parent}'");
            }

            if (!_sources.Contains(u.Source))
            {
                throw new SeedException("units.json", $"$.units[{i}].source", $"unknown source '{u.Source}'");
            }
        }

        for (var i = 0; i < data.Periods.Count; i++)
        {
            if (!PeriodCode.TryParse(data.Periods[i].Code, out _, out _))
            {
                throw new SeedException("periods.json", $"$.periods[{i}].code", $"'{data.Periods[i].Code}' is not a period such as 2023-Q3 or 2023");
            }
        }

        for (var i = 0; i < data.Programmes.Count; i++)
        {
            if (!_sources.Contains(data.Programmes[i].Source))
            {
                throw new SeedException("catalogue/programmes.json", $"$.programmes[{i}].source", $"unknown source '{data.Programmes[i].Source}'");
            }
        }

        for (var i = 0; i < data.CriteriaSets.Count; i++)
        {
            var s = data.CriteriaSets[i];
            var at = $"$.criteriaSets[{i}]";
            const string file = "catalogue/criteria-sets.json";
            if (!_programmes.Contains(s.Programme))
            {
                throw new SeedException(file, $"{at}.programme", $"unknown programme '{s.Programme}'");
            }

            if (!_sources.Contains(s.Source))
            {
                throw new SeedException(file, $"{at}.source", $"unknown source '{s.Source}'");
            }

            if (s.DeclaredCriteria is { } dc && s.Criteria.Count > dc)
            {
                throw new SeedException(file, $"{at}.criteria", $"{s.Criteria.Count} criteria defined but only {dc} declared");
            }

            var defined = s.Criteria.Sum(c => c.Indicators?.Count ?? 0);
            if (s.DeclaredIndicators is { } di && defined > di)
            {
                throw new SeedException(file, $"{at}.criteria", $"{defined} indicators defined but only {di} declared");
            }
        }

        for (var i = 0; i < data.CriteriaSets.Count; i++)
        {
            var s = data.CriteriaSets[i];
            foreach (var (c, ci) in s.Criteria.Select((c, ci) => (c, ci)))
            {
                foreach (var (ind, ii) in (c.Indicators ?? []).Select((x, ii) => (x, ii)))
                {
                    var at = $"$.criteriaSets[{i}].criteria[{ci}].indicators[{ii}]";
                    if (ind.Source is not null && !_sources.Contains(ind.Source))
                    {
                        throw new SeedException("catalogue/criteria-sets.json", $"{at}.source", $"unknown source '{ind.Source}'");
                    }

                    foreach (var zone in ind.Thresholds?.Keys ?? [])
                    {
                        if (zone == Zones.Common || !Zones.IsKnown(s.ThresholdScheme, zone))
                        {
                            throw new SeedException("catalogue/criteria-sets.json", $"{at}.thresholds", $"'{zone}' is not a zone of the set's {s.ThresholdScheme} scheme");
                        }
                    }
                }
            }
        }

        for (var i = 0; i < data.Classifications.Count; i++)
        {
            var c = data.Classifications[i];
            const string file = "unit-classifications.json";
            if (!_units.Contains(c.Unit) && data.Reorganisations.All(r => r.Successor.Slug != c.Unit))
            {
                throw new SeedException(file, $"$.classifications[{i}].unit", $"unknown unit '{c.Unit}'");
            }

            if (!_sources.Contains(c.Source))
            {
                throw new SeedException(file, $"$.classifications[{i}].source", $"unknown source '{c.Source}'");
            }

            if (c.Region is not null && Zones.Regions.All(r => r.Code != c.Region))
            {
                throw new SeedException(file, $"$.classifications[{i}].region", $"unknown region '{c.Region}'");
            }

            if (c.CommuneGroup is not null and not (1 or 2 or 3))
            {
                throw new SeedException(file, $"$.classifications[{i}].communeGroup", "a commune group is 1, 2 or 3");
            }
        }

        var known = _units.ToHashSet();
        for (var i = 0; i < data.Reorganisations.Count; i++)
        {
            var r = data.Reorganisations[i];
            const string file = "reorganisations.json";
            if (!_sources.Contains(r.Source))
            {
                throw new SeedException(file, $"$.reorganisations[{i}].source", $"unknown source '{r.Source}'");
            }

            foreach (var (p, pi) in r.Predecessors.Select((p, pi) => (p, pi)))
            {
                if (p.Unit is null == (p.Name is null))
                {
                    throw new SeedException(file, $"$.reorganisations[{i}].predecessors[{pi}]", "give either unit (a unit of the seed) or name (a unit outside it)");
                }

                if (p.Unit is not null && !known.Contains(p.Unit))
                {
                    throw new SeedException(file, $"$.reorganisations[{i}].predecessors[{pi}].unit", $"unknown unit '{p.Unit}' (list earlier acts first)");
                }
            }

            if (!known.Contains(r.Successor.Parent))
            {
                throw new SeedException(file, $"$.reorganisations[{i}].successor.parent", $"unknown unit '{r.Successor.Parent}'");
            }

            if (!IsSlug(r.Successor.Slug))
            {
                throw new SeedException(file, $"$.reorganisations[{i}].successor.slug", $"'{r.Successor.Slug}' is not an ASCII slug (a-z, 0-9, '-')");
            }

            known.Add(r.Successor.Slug);
        }

        for (var i = 0; i < data.PovertyStandards.Count; i++)
        {
            if (!_sources.Contains(data.PovertyStandards[i].Source))
            {
                throw new SeedException("catalogue/poverty-standards.json", $"$.standards[{i}].source", $"unknown source '{data.PovertyStandards[i].Source}'");
            }
        }
    }

    private static void Ref<T>(Located<T> item, string collection, string field, string value, HashSet<string> known)
    {
        if (!known.Contains(value))
        {
            throw item.Error(collection, field, $"unknown reference '{value}'");
        }
    }

    private static void Rate<T>(Located<T> item, string field, decimal? rate)
    {
        if (rate is < 0 or > 100)
        {
            throw item.Error("povertyRecords", field, "a rate is a percentage between 0 and 100");
        }
    }

    /// <summary>An ASCII slug (a-z, 0-9, "-"): the one rule for unit addresses, used by the seed and the reorganisation form.</summary>
    public static bool IsSlug(string slug) =>
        slug.Length is > 0 and <= 80 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';
}
