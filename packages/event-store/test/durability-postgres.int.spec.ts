import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { EventStore } from "../src/index.js"
import { checkDurability } from "./durability.js"
import { dropSchemas, postgresUrl } from "./postgres-test-database.js"

if (postgresUrl === undefined) console.warn("SKIPPED: PostgreSQL tests (ACCORD_TEST_PG_URL not set)")

describe.skipIf(postgresUrl === undefined)("postgres durability", () => {
  const url = postgresUrl as string
  const schema = `es_durable_${process.pid}_${Date.now() % 1_000_000}`
  afterAll(() => Effect.runPromise(dropSchemas(url, [schema])))

  it("PostgreSQL keeps every acknowledged batch, whole, across 20 SIGKILLs", async () => {
    const acknowledged = await checkDurability(
      ["postgres", url, schema],
      () => EventStore.postgres({ url, schema, maxConnections: 2 }),
      20251129,
    )
    expect(acknowledged).toBeGreaterThan(20)
  }, 240_000)
})
