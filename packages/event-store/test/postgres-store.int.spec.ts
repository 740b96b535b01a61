import { Effect } from "effect"
import { describe } from "vitest"
import { EventStore } from "../src/index.js"
import { eventStoreContract } from "./contract.js"
import { dropSchemas, postgresUrl } from "./postgres-test-database.js"

if (postgresUrl === undefined) console.warn("SKIPPED: PostgreSQL tests (ACCORD_TEST_PG_URL not set)")

describe.skipIf(postgresUrl === undefined)("postgres", () => {
  const schemas: Array<string> = []
  eventStoreContract("postgres", {
    make: () => {
      const schema = `es_test_${process.pid}_${Date.now() % 1_000_000}_${schemas.length}`
      schemas.push(schema)
      return EventStore.postgres({ url: postgresUrl as string, schema, pollInterval: "100 millis" })
    },
    cleanup: () => Effect.runPromise(dropSchemas(postgresUrl as string, schemas)),
  })
})
