using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngineDescriptionSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "engine_api_version",
                table: "iterations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "engine_version",
                table: "iterations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "image_store",
                table: "iterations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage_image_ids",
                table: "iterations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "storage_driver",
                table: "iterations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "engine_api_version",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "engine_version",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "image_store",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "stage_image_ids",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "storage_driver",
                table: "iterations");
        }
    }
}
