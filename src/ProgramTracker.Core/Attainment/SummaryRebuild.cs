using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>
/// The attainment rules of <see cref="AttainmentRules"/> written as one PostgreSQL statement, for bulk loads:
/// it fills <c>attainment_summaries</c> for every unit, set and period that has values, in one pass over the
/// values. Writes through the portal keep the same rows current with <see cref="SummaryUpdater"/>; a test holds
/// the two to the same results. Each period is judged by the set's version in force on its first day; the bulk
/// load judges by the common threshold only (its synthetic units have no region or commune group), which the
/// <see cref="RuleBook"/> also picks for a unit without one.
/// </summary>
public static class SummaryRebuild
{
    /// <param name="unitFilter">A SQL condition on the alias <c>u</c> (units), e.g. <c>u."IsSynthetic"</c>.</param>
    /// <remarks>When the summaries were computed is the parameter <c>@stamped_at</c>: a <see cref="Data.Stamp"/>'s time, as every write's.</remarks>
    public static string PostgresSql(string unitFilter) => $"""
        INSERT INTO attainment_summaries ("UnitId", "CriteriaSetId", "PeriodId", "CriteriaMet", "IndicatorsMet", "ValuesEntered", "Achieved", "Status", "UpdatedAtUtc",
            "IndicatorsDefined", "IndicatorsJudged", "CriteriaJudged", "CriteriaUnknown")
        WITH period_version AS (
            SELECT p."Id" AS "PeriodId", s."Id" AS "CriteriaSetId",
                   (SELECT sv."Id" FROM criteria_set_versions sv
                    WHERE sv."CriteriaSetId" = s."Id" AND (sv."EffectiveFrom" IS NULL OR sv."EffectiveFrom" <= make_date(p."Year", coalesce(p."Quarter" * 3 - 2, 1), 1))
                    ORDER BY sv."Number" DESC LIMIT 1) AS "VersionId"
            FROM periods p CROSS JOIN criteria_sets s
        ), defined AS (
            SELECT t."VersionId", i."CriterionId", count(*) AS n
            FROM indicator_thresholds t JOIN indicators i ON i."Id" = t."IndicatorId"
            WHERE t."Zone" = '' GROUP BY t."VersionId", i."CriterionId"
        ), version_total AS (
            SELECT d."VersionId", sum(d.n) AS n FROM defined d GROUP BY d."VersionId"
        ), set_criteria AS (
            SELECT c."CriteriaSetId", count(*) AS n FROM criteria c GROUP BY c."CriteriaSetId"
        ), judged AS (
            SELECT v."UnitId", c."CriteriaSetId", v."PeriodId", i."CriterionId", pv."VersionId",
                   {AttainmentRules.MetSql("i.\"ValueType\"", "t.\"Comparator\"", "t.\"Value\"", "v.\"Value\"")} AS met,
                   v."Value" IS NOT NULL AS entered,
                   v."Value" IS NOT NULL AND (i."ValueType" = {(int)ValueKind.Boolean} OR t."Value" IS NOT NULL) AS judgeable
            FROM indicator_values v
            JOIN units u ON u."Id" = v."UnitId"
            JOIN indicators i ON i."Id" = v."IndicatorId"
            JOIN criteria c ON c."Id" = i."CriterionId"
            JOIN period_version pv ON pv."PeriodId" = v."PeriodId" AND pv."CriteriaSetId" = c."CriteriaSetId"
            JOIN indicator_thresholds t ON t."VersionId" = pv."VersionId" AND t."IndicatorId" = i."Id" AND t."Zone" = ''
            WHERE {unitFilter}
        ), per_criterion AS (
            SELECT j."UnitId", j."CriteriaSetId", j."PeriodId", j."CriterionId", j."VersionId",
                   count(*) FILTER (WHERE j.met) AS met, count(*) FILTER (WHERE j.entered) AS entered,
                   count(*) FILTER (WHERE j.judgeable) AS judged, count(*) FILTER (WHERE j.judgeable AND NOT j.met) AS not_met
            FROM judged j GROUP BY j."UnitId", j."CriteriaSetId", j."PeriodId", j."CriterionId", j."VersionId"
        )
        SELECT p."UnitId", p."CriteriaSetId", p."PeriodId",
               count(*) FILTER (WHERE p.met = d.n)::int,
               sum(p.met)::int,
               sum(p.entered)::int,
               s."DeclaredCriteria" IS NOT NULL AND s."DeclaredCriteria" > 0 AND count(*) FILTER (WHERE p.met = d.n) >= s."DeclaredCriteria",
               coalesce(max(sub."Status"), {(int)SubmissionStatus.Draft}),
               @stamped_at,
               max(vt.n)::int,
               sum(p.judged)::int,
               count(*) FILTER (WHERE p.not_met > 0 OR p.met = d.n)::int,
               (max(sc.n) - count(*) FILTER (WHERE p.not_met > 0 OR p.met = d.n))::int
        FROM per_criterion p
        JOIN defined d ON d."CriterionId" = p."CriterionId" AND d."VersionId" = p."VersionId"
        JOIN version_total vt ON vt."VersionId" = p."VersionId"
        JOIN set_criteria sc ON sc."CriteriaSetId" = p."CriteriaSetId"
        JOIN criteria_sets s ON s."Id" = p."CriteriaSetId"
        LEFT JOIN submissions sub ON sub."UnitId" = p."UnitId" AND sub."CriteriaSetId" = p."CriteriaSetId" AND sub."PeriodId" = p."PeriodId"
        GROUP BY p."UnitId", p."CriteriaSetId", p."PeriodId", s."DeclaredCriteria"
        ON CONFLICT ("UnitId", "CriteriaSetId", "PeriodId") DO UPDATE SET
            "CriteriaMet" = excluded."CriteriaMet", "IndicatorsMet" = excluded."IndicatorsMet", "ValuesEntered" = excluded."ValuesEntered",
            "Achieved" = excluded."Achieved", "Status" = excluded."Status", "UpdatedAtUtc" = excluded."UpdatedAtUtc",
            "IndicatorsDefined" = excluded."IndicatorsDefined", "IndicatorsJudged" = excluded."IndicatorsJudged",
            "CriteriaJudged" = excluded."CriteriaJudged", "CriteriaUnknown" = excluded."CriteriaUnknown"
        """;
}
