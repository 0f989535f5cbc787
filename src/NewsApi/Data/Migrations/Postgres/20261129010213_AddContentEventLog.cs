using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddContentEventLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "content_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    entity_id = table.Column<int>(type: "integer", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_content_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_content_events_kind_entity_id",
                table: "content_events",
                columns: new[] { "kind", "entity_id" });

            // Every instance LISTENs on this channel; NOTIFY is transactional, so it fires only once the event commits.
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_content_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('content_events', NEW.id::text);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER content_events_notify AFTER INSERT ON content_events
                    FOR EACH ROW EXECUTE FUNCTION notify_content_event();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS content_events_notify ON content_events; DROP FUNCTION IF EXISTS notify_content_event();");

            migrationBuilder.DropTable(
                name: "content_events");
        }
    }
}
