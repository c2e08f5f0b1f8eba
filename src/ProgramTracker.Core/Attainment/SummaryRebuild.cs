namespace ProgramTracker.Core.Attainment;

/// <summary>
/// The attainment rules of <see cref="AttainmentRules"/> written as one PostgreSQL statement, for bulk loads:
/// it fills <c>attainment_summaries</c> for every unit, set and period that has values, in one pass over the
/// values. Writes through the portal keep the same rows current with <see cref="SummaryUpdater"/>; a test holds
/// the two to the same results.
/// </summary>
public static class SummaryRebuild
{
    /// <param name="unitFilter">A SQL condition on the alias <c>u</c> (units), e.g. <c>u."IsSynthetic"</c>.</param>
    public static string PostgresSql(string unitFilter) => $"""
        INSERT INTO attainment_summaries ("UnitId", "CriteriaSetId", "PeriodId", "CriteriaMet", "IndicatorsMet", "ValuesEntered", "Achieved", "Status", "UpdatedAtUtc")
        WITH defined AS (
            SELECT i."CriterionId", count(*) AS n FROM indicators i GROUP BY i."CriterionId"
        ), judged AS (
            SELECT v."UnitId", c."CriteriaSetId", v."PeriodId", i."CriterionId",
                   CASE WHEN v."Value" IS NULL THEN false
                        WHEN i."ValueType" = 1 THEN v."Value" = 1
                        WHEN i."Threshold" IS NULL THEN false
                        WHEN i."Comparator" = 1 THEN v."Value" >= i."Threshold"
                        WHEN i."Comparator" = 2 THEN v."Value" <= i."Threshold"
                        ELSE v."Value" = i."Threshold" END AS met,
                   v."Value" IS NOT NULL AS entered
            FROM indicator_values v
            JOIN units u ON u."Id" = v."UnitId"
            JOIN indicators i ON i."Id" = v."IndicatorId"
            JOIN criteria c ON c."Id" = i."CriterionId"
            WHERE {unitFilter}
        ), per_criterion AS (
            SELECT j."UnitId", j."CriteriaSetId", j."PeriodId", j."CriterionId",
                   count(*) FILTER (WHERE j.met) AS met, count(*) FILTER (WHERE j.entered) AS entered
            FROM judged j GROUP BY j."UnitId", j."CriteriaSetId", j."PeriodId", j."CriterionId"
        )
        SELECT p."UnitId", p."CriteriaSetId", p."PeriodId",
               count(*) FILTER (WHERE p.met = d.n)::int,
               sum(p.met)::int,
               sum(p.entered)::int,
               s."DeclaredCriteria" IS NOT NULL AND s."DeclaredCriteria" > 0 AND count(*) FILTER (WHERE p.met = d.n) >= s."DeclaredCriteria",
               coalesce(max(sub."Status"), 0),
               now()
        FROM per_criterion p
        JOIN defined d ON d."CriterionId" = p."CriterionId"
        JOIN criteria_sets s ON s."Id" = p."CriteriaSetId"
        LEFT JOIN submissions sub ON sub."UnitId" = p."UnitId" AND sub."CriteriaSetId" = p."CriteriaSetId" AND sub."PeriodId" = p."PeriodId"
        GROUP BY p."UnitId", p."CriteriaSetId", p."PeriodId", s."DeclaredCriteria"
        ON CONFLICT ("UnitId", "CriteriaSetId", "PeriodId") DO UPDATE SET
            "CriteriaMet" = excluded."CriteriaMet", "IndicatorsMet" = excluded."IndicatorsMet", "ValuesEntered" = excluded."ValuesEntered",
            "Achieved" = excluded."Achieved", "Status" = excluded."Status", "UpdatedAtUtc" = excluded."UpdatedAtUtc"
        """;
}
