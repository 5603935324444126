using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalysisQueueSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "iteration_analyses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "lease_expires_at",
                table: "iteration_analyses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "iteration_analyses",
                type: "TEXT",
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

            migrationBuilder.Sql(ImageLab.Data.Migrations.AnalysisQueueBackfill.Sql("0", "'[]'"));
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
