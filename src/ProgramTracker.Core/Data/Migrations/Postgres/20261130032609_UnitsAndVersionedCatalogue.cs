using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnitsAndVersionedCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatisticsCode",
                table: "units",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Targets",
                table: "programmes",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdScheme",
                table: "criteria_sets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "criteria_set_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CriteriaSetId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Changes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_criteria_set_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_criteria_set_versions_criteria_sets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "criteria_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reorganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ActNumber = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ActDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SourceId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reorganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reorganisations_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "unit_classifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Region = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CommuneGroup = table.Column<int>(type: "integer", nullable: true),
                    EspeciallyDisadvantaged = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_classifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_classifications_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_unit_classifications_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_thresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comparator = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_thresholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_thresholds_criteria_set_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "criteria_set_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_indicator_thresholds_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reorganisation_parts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReorganisationId = table.Column<int>(type: "integer", nullable: false),
                    PredecessorId = table.Column<int>(type: "integer", nullable: true),
                    PredecessorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SuccessorId = table.Column<int>(type: "integer", nullable: false),
                    Whole = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reorganisation_parts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reorganisation_parts_reorganisations_ReorganisationId",
                        column: x => x.ReorganisationId,
                        principalTable: "reorganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reorganisation_parts_units_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_reorganisation_parts_units_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_SourceId",
                table: "indicators",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_criteria_set_versions_CriteriaSetId_Number",
                table: "criteria_set_versions",
                columns: new[] { "CriteriaSetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicator_thresholds_IndicatorId",
                table: "indicator_thresholds",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_thresholds_VersionId_IndicatorId_Zone",
                table: "indicator_thresholds",
                columns: new[] { "VersionId", "IndicatorId", "Zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reorganisation_parts_PredecessorId",
                table: "reorganisation_parts",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_reorganisation_parts_ReorganisationId",
                table: "reorganisation_parts",
                column: "ReorganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_reorganisation_parts_SuccessorId",
                table: "reorganisation_parts",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_reorganisations_Code",
                table: "reorganisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reorganisations_SourceId",
                table: "reorganisations",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_classifications_SourceId",
                table: "unit_classifications",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_classifications_UnitId_ValidFrom",
                table: "unit_classifications",
                columns: new[] { "UnitId", "ValidFrom" });

            migrationBuilder.AddForeignKey(
                name: "FK_indicators_sources_SourceId",
                table: "indicators",
                column: "SourceId",
                principalTable: "sources",
                principalColumn: "Id");

            // Carry each indicator's rule into version 1 of its set before the old columns go (ADR 0005).
            migrationBuilder.Sql("""
                INSERT INTO criteria_set_versions ("CriteriaSetId", "Number", "EffectiveFrom", "Changes", "CreatedBy", "CreatedAtUtc")
                SELECT s."Id", 1, NULL, 'Phiên bản đầu (chuyển từ danh mục trước khi có phiên bản)', 'migration', CURRENT_TIMESTAMP FROM criteria_sets s
                """);
            migrationBuilder.Sql("""
                INSERT INTO indicator_thresholds ("VersionId", "IndicatorId", "Zone", "Comparator", "Value", "Text")
                SELECT v."Id", i."Id", '', i."Comparator", i."Threshold", NULL
                FROM indicators i JOIN criteria c ON c."Id" = i."CriterionId" JOIN criteria_set_versions v ON v."CriteriaSetId" = c."CriteriaSetId"
                """);

            migrationBuilder.DropColumn(
                name: "Comparator",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "Threshold",
                table: "indicators");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicators_sources_SourceId",
                table: "indicators");

            migrationBuilder.DropTable(
                name: "indicator_thresholds");

            migrationBuilder.DropTable(
                name: "reorganisation_parts");

            migrationBuilder.DropTable(
                name: "unit_classifications");

            migrationBuilder.DropTable(
                name: "criteria_set_versions");

            migrationBuilder.DropTable(
                name: "reorganisations");

            migrationBuilder.DropIndex(
                name: "IX_indicators_SourceId",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "StatisticsCode",
                table: "units");

            migrationBuilder.DropColumn(
                name: "Targets",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "ThresholdScheme",
                table: "criteria_sets");

            migrationBuilder.AddColumn<int>(
                name: "Comparator",
                table: "indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Threshold",
                table: "indicators",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);
        }
    }
}
