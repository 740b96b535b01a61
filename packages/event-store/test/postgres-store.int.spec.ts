import { Effect } from "effect"
import { describe, it } from "vitest"
import { EventStore } from "../src/index.js"
import { eventStoreContract } from "./contract.js"
import { crossInstanceDelivery } from "./cross-instance.js"
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

  it("a subscription sees another instance's appends through LISTEN/NOTIFY (polling switched off)", () => {
    const schema = `es_test_${process.pid}_${Date.now() % 1_000_000}_shared`
    schemas.push(schema)
    const url = postgresUrl as string
    return Effect.runPromise(
      crossInstanceDelivery(
        // An hour between polls: within the test only a notification can wake the reader.
        EventStore.postgres({ url, schema, pollInterval: "1 hour" }),
        EventStore.postgres({ url, schema, pollInterval: "1 hour" }),
      ),
    )
  })
})
