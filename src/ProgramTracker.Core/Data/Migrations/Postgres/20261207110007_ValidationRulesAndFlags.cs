using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    CriteriaSetId = table.Column<int>(type: "integer", nullable: true),
                    IndicatorId = table.Column<int>(type: "integer", nullable: true),
                    ValueType = table.Column<int>(type: "integer", nullable: true),
                    Min = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Expression = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Share = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    FromQuarter = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MessageEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Measure = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowUp = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpClosed = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FlaggedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
