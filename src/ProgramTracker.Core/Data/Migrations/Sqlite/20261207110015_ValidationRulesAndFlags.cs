using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValidationRulesAndFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "validation_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaSetId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ValueType = table.Column<int>(type: "INTEGER", nullable: true),
                    Min = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: true),
                    Max = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: true),
                    Expression = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Share = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: true),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    FromQuarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_validation_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_validation_rules_criteria_sets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "criteria_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_validation_rules_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "value_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: true),
                    Measure = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FlaggedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_value_flags_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_value_flags_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_value_flags_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_value_flags_validation_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "validation_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_validation_rules_Code_FromYear_FromQuarter",
                table: "validation_rules",
                columns: new[] { "Code", "FromYear", "FromQuarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_validation_rules_CriteriaSetId",
                table: "validation_rules",
                column: "CriteriaSetId");

            migrationBuilder.CreateIndex(
                name: "IX_validation_rules_IndicatorId",
                table: "validation_rules",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_value_flags_IndicatorId",
                table: "value_flags",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_value_flags_PeriodId_RuleId",
                table: "value_flags",
                columns: new[] { "PeriodId", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_value_flags_RuleId",
                table: "value_flags",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_value_flags_UnitId_PeriodId_IndicatorId_RuleId",
                table: "value_flags",
                columns: new[] { "UnitId", "PeriodId", "IndicatorId", "RuleId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "value_flags");

            migrationBuilder.DropTable(
                name: "validation_rules");
        }
    }
}
