using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class LayerAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analyzed_layers",
                columns: table => new
                {
                    diff_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uncompressed_size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    compressed_size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    compressed_size_source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    blob_compression = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content_bytes = table.Column<long>(type: "bigint", nullable: false),
                    file_count = table.Column<int>(type: "integer", nullable: false),
                    directory_count = table.Column<int>(type: "integer", nullable: false),
                    symlink_count = table.Column<int>(type: "integer", nullable: false),
                    hard_link_count = table.Column<int>(type: "integer", nullable: false),
                    whiteout_count = table.Column<int>(type: "integer", nullable: false),
                    entry_count = table.Column<int>(type: "integer", nullable: false),
                    largest_files_json = table.Column<string>(type: "jsonb", nullable: false),
                    warnings_json = table.Column<string>(type: "jsonb", nullable: false),
                    entries_format = table.Column<int>(type: "integer", nullable: false),
                    entries = table.Column<byte[]>(type: "bytea", nullable: false),
                    analyzed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyzed_layers", x => x.diff_id);
                });

            migrationBuilder.CreateTable(
                name: "iteration_analyses",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    analyzed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_seconds = table.Column<double>(type: "double precision", nullable: false),
                    layers_analyzed = table.Column<int>(type: "integer", nullable: false),
                    layers_from_cache = table.Column<int>(type: "integer", nullable: false),
                    first_own_layer_index = table.Column<int>(type: "integer", nullable: false),
                    compressed_size_estimated = table.Column<bool>(type: "boolean", nullable: false),
                    file_count = table.Column<int>(type: "integer", nullable: false),
                    uncompressed_size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    compressed_size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    content_bytes = table.Column<long>(type: "bigint", nullable: false),
                    wasted_bytes = table.Column<long>(type: "bigint", nullable: false),
                    wasted_percent = table.Column<double>(type: "double precision", nullable: false),
                    user_wasted_bytes = table.Column<long>(type: "bigint", nullable: false),
                    user_wasted_percent = table.Column<double>(type: "double precision", nullable: false),
                    dive_efficiency = table.Column<double>(type: "double precision", nullable: false),
                    dive_wasted_bytes = table.Column<long>(type: "bigint", nullable: false),
                    dive_user_wasted_percent = table.Column<double>(type: "double precision", nullable: false),
                    findings_json = table.Column<string>(type: "jsonb", nullable: false),
                    warnings_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iteration_analyses", x => x.iteration_id);
                    table.ForeignKey(
                        name: "fk_iteration_analyses_iterations_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iterations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "layer_analysis_aliases",
                columns: table => new
                {
                    alias = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    diff_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layer_analysis_aliases", x => x.alias);
                    table.ForeignKey(
                        name: "fk_layer_analysis_aliases_analyzed_layers_diff_id",
                        column: x => x.diff_id,
                        principalTable: "analyzed_layers",
                        principalColumn: "diff_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "iteration_analysis_layers",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "bigint", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    diff_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    history_index = table.Column<int>(type: "integer", nullable: true),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    is_base_layer = table.Column<bool>(type: "boolean", nullable: false),
                    added_file_count = table.Column<int>(type: "integer", nullable: false),
                    added_bytes = table.Column<long>(type: "bigint", nullable: false),
                    modified_file_count = table.Column<int>(type: "integer", nullable: false),
                    modified_bytes = table.Column<long>(type: "bigint", nullable: false),
                    deleted_file_count = table.Column<int>(type: "integer", nullable: false),
                    deleted_bytes = table.Column<long>(type: "bigint", nullable: false),
                    wasted_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iteration_analysis_layers", x => new { x.iteration_id, x.index });
                    table.ForeignKey(
                        name: "fk_iteration_analysis_layers_analyzed_layers_diff_id",
                        column: x => x.diff_id,
                        principalTable: "analyzed_layers",
                        principalColumn: "diff_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_iteration_analysis_layers_iteration_analyses_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iteration_analyses",
                        principalColumn: "iteration_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_iteration_analysis_layers_diff_id",
                table: "iteration_analysis_layers",
                column: "diff_id");

            migrationBuilder.CreateIndex(
                name: "ix_layer_analysis_aliases_diff_id",
                table: "layer_analysis_aliases",
                column: "diff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "iteration_analysis_layers");

            migrationBuilder.DropTable(
                name: "layer_analysis_aliases");

            migrationBuilder.DropTable(
                name: "iteration_analyses");

            migrationBuilder.DropTable(
                name: "analyzed_layers");
        }
    }
}
