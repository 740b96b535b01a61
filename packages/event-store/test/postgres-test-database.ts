import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Redacted } from "effect"

/** The test server's URL, or undefined to skip PostgreSQL tests. */
export const postgresUrl = process.env.ACCORD_TEST_PG_URL || undefined

/** Drops the schemas a test run created. */
export const dropSchemas = (url: string, schemas: ReadonlyArray<string>) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach(schemas, (schema) => sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`), {
      discard: true,
    }),
  ).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url) })), Effect.scoped)
