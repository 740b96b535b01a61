// Child process for the durability test: appends batches forever and acknowledges each one on stdout
// only after the store has confirmed it. The parent kills it with SIGKILL at random moments.
import { writeSync } from "node:fs"
import { Effect, type Layer } from "effect"
import { EventStore } from "../src/index.js"

const [backend = "sqlite", target = "", schema = "public", run = "0"] = process.argv.slice(2)

const layer: Layer.Layer<EventStore, unknown> =
  backend === "postgres"
    ? EventStore.postgres({ url: target, schema, maxConnections: 2 })
    : EventStore.sqlite({ filename: target })

const program = Effect.gen(function* () {
  const store = yield* EventStore
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

Effect.runPromise(Effect.provide(program, layer)).catch((error) => {
  writeSync(2, `writer failed: ${String(error)}\n`)
  process.exit(1)
})
