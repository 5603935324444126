using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OperationsTelemetryRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "iterations",
                type: "TEXT",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "context_removed_at",
                table: "experiments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "logs_removed_at",
                table: "experiments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "context_removed_at",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "logs_removed_at",
                table: "experiments");
        }
    }
}
