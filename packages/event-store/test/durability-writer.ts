// Child process for the durability test: appends batches forever and acknowledges each one on stdout
// only after the store has confirmed it. The parent kills it with SIGKILL at random moments.
import { writeSync } from "node:fs"
import { Effect } from "effect"
import type { EventStoreService } from "../src/event-store-service.js"

const [backend = "sqlite", target = "", schema = "public", run = "0"] = process.argv.slice(2)

// Only the backend under test is loaded: the child restarts 20 times, so its start-up time adds up.
const openStore = async () =>
  backend === "postgres"
    ? (await import("../src/postgres-store.js")).openPostgresStore({ url: target, schema, maxConnections: 2 })
    : (await import("../src/sqlite-store.js")).openSqliteStore({ filename: target })

const writeForever = (store: EventStoreService) =>
  Effect.gen(function* () {
    for (let n = 0; ; n++) {
      const size = 1 + ((n * 7 + Number(run) * 3) % 25)
      yield* store.append(
        `durable-${n % 4}`,
        "any",
        Array.from({ length: size }, (_, i) => ({
          eventId: `${run}-${n}-${i}`,
          type: "Written",
          v: 1,
          data: { run: Number(run), batch: n, index: i, size, padding: "x".repeat(200) },
        })),
      )
      writeSync(1, `ACK ${run} ${n} ${size}\n`)
    }
  })

openStore()
  .then((open) => Effect.runPromise(Effect.scoped(Effect.flatMap(open, writeForever))))
  .catch((error) => {
    writeSync(2, `writer failed: ${String(error)}\n`)
    process.exit(1)
  })
