using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class EngineDescription : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "engine_api_version",
                table: "iterations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "engine_version",
                table: "iterations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "image_store",
                table: "iterations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage_image_ids",
                table: "iterations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "storage_driver",
                table: "iterations",
                type: "character varying(100)",
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
