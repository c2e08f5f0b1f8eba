using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttainmentSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attainment_summaries",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaMet = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorsMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ValuesEntered = table.Column<int>(type: "INTEGER", nullable: false),
                    Achieved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attainment_summaries", x => new { x.UnitId, x.CriteriaSetId, x.PeriodId });
                    table.ForeignKey(
                        name: "FK_attainment_summaries_criteria_sets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "criteria_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attainment_summaries_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attainment_summaries_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attainment_summaries_CriteriaSetId",
                table: "attainment_summaries",
                column: "CriteriaSetId");

            migrationBuilder.CreateIndex(
                name: "IX_attainment_summaries_PeriodId_CriteriaSetId",
                table: "attainment_summaries",
                columns: new[] { "PeriodId", "CriteriaSetId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attainment_summaries");
        }
    }
}
