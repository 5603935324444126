using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnalysisQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "iteration_analyses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_expires_at",
                table: "iteration_analyses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "iteration_analyses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_iterations_started_at",
                table: "iterations",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_iteration_analyses_status_lease_expires_at",
                table: "iteration_analyses",
                columns: new[] { "status", "lease_expires_at" });

            migrationBuilder.Sql(ImageLab.Data.Migrations.AnalysisQueueBackfill.Sql("false", "'[]'::jsonb"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_iterations_started_at",
                table: "iterations");

            migrationBuilder.DropIndex(
                name: "ix_iteration_analyses_status_lease_expires_at",
                table: "iteration_analyses");

            migrationBuilder.DropColumn(
                name: "attempt",
                table: "iteration_analyses");

            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "iteration_analyses");

            migrationBuilder.DropColumn(
                name: "lease_owner",
                table: "iteration_analyses");
        }
    }
}
