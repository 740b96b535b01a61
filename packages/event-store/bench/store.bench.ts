// Event store throughput per backend, against raw better-sqlite3 measured in the same run.
// Run: npx tsx packages/event-store/bench/store.bench.ts   (PostgreSQL rows need ACCORD_BENCH_PG_URL or ACCORD_TEST_PG_URL)
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import Database from "better-sqlite3"
import { Effect, Layer, Redacted } from "effect"
import { checkpointStart, EventStore, type NewEvent } from "../src/index.js"

const TRIALS = 3
const SMALL_BATCHES = 1_000
const LARGE_EVENTS = 50_000
const folder = mkdtempSync(join(tmpdir(), "accord-es-bench-"))
const pgUrl = process.env.ACCORD_BENCH_PG_URL || process.env.ACCORD_TEST_PG_URL || undefined

// A typical domain event: a few ids, a number, a short label.
const payload = (i: number) => ({
  scenarioId: "scn_01JD9Z3Q8W",
  commitmentId: `cmt_${i % 16}`,
  month: i % 36,
  amountUsdM: 12.5,
  note: "tranche released under the energy grant",
})
let nextId = 0
const batchOf = (size: number): Array<NewEvent> =>
  Array.from({ length: size }, () => {
    const i = nextId++
    return {
      eventId: `e-${i}`,
      type: "TrancheReleased",
      v: 1,
      data: payload(i),
      metadata: { actor: "bench" },
    }
  })

/** A rate both by the wall clock and by this process's CPU time (user + system), which load inflates less. */
interface Rate {
  readonly wall: number
  readonly cpu: number
}
const startClock = () => ({ wall: performance.now(), cpu: process.cpuUsage() })
const rateSince = (count: number, start: ReturnType<typeof startClock>): Rate => {
  const cpu = process.cpuUsage(start.cpu)
  return {
    wall: (count / (performance.now() - start.wall)) * 1000,
    cpu: (count / ((cpu.user + cpu.system) / 1000)) * 1000,
  }
}
const best = async (trial: () => Promise<Rate>): Promise<Rate> => {
  let wall = 0
  let cpu = 0
  for (let i = 0; i < TRIALS; i++) {
    const rate = await trial()
    wall = Math.max(wall, rate.wall)
    cpu = Math.max(cpu, rate.cpu)
  }
  return { wall, cpu }
}

interface Row {
  readonly backend: string
  readonly batch1: Rate
  readonly batch100: Rate
  readonly replay: Rate
}

const measureStore = (layer: () => Layer.Layer<EventStore, unknown>) => {
  const appendRate = (batchSize: number, events: number) =>
    best(() =>
      Effect.runPromise(
        Effect.provide(
          Effect.gen(function* () {
            const store = yield* EventStore
            const batches = Array.from({ length: events / batchSize }, () => batchOf(batchSize))
            const start = startClock()
            for (let b = 0; b < batches.length; b++) {
              yield* store.append(`stream-${b % 100}`, "any", batches[b] as Array<NewEvent>)
            }
            return rateSince(events, start)
          }),
          layer(),
        ),
      ),
    )
  const replayRate = () =>
    best(() =>
      Effect.runPromise(
        Effect.provide(
          Effect.gen(function* () {
            const store = yield* EventStore
            const start = startClock()
            let checkpoint = checkpointStart
            let count = 0
            for (;;) {
              const page = yield* store.readAll(checkpoint, 5_000)
              count += page.events.length
              checkpoint = page.checkpoint
              if (page.events.length < 5_000) break
            }
            return rateSince(count, start)
          }),
          layer(),
        ),
      ),
    )
  return { appendRate, replayRate }
}

/** Raw better-sqlite3: prepared insert, one transaction per batch, WAL; and a plain select of everything. */
const rawSqlite = (synchronous: "NORMAL" | "FULL") => {
  const file = join(folder, `raw-${synchronous}-${Date.now()}.db`)
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma(`synchronous = ${synchronous}`)
  db.exec(`CREATE TABLE events (global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, v INTEGER NOT NULL,
    data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL, UNIQUE (stream_id, version))`)
  const insert = db.prepare("INSERT INTO events VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)")
  const versions = new Map<string, number>()
  const appendBatch = db.transaction((stream: string, events: Array<NewEvent>) => {
    let version = versions.get(stream) ?? 0
    for (const e of events) {
      insert.run(
        e.eventId,
        stream,
        ++version,
        e.type,
        e.v,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        Date.now(),
      )
    }
    versions.set(stream, version)
  })
  const appendRate = (batchSize: number, events: number) => {
    const batches = Array.from({ length: events / batchSize }, () => batchOf(batchSize))
    const start = startClock()
    for (let b = 0; b < batches.length; b++) appendBatch(`stream-${b % 100}`, batches[b] as Array<NewEvent>)
    return rateSince(events, start)
  }
  const replayRate = () => {
    const start = startClock()
    let count = 0
    for (const row of db.prepare("SELECT * FROM events ORDER BY global_position").iterate() as Iterable<{
      data: string
      metadata: string
    }>) {
      JSON.parse(row.data)
      JSON.parse(row.metadata)
      count++
    }
    return rateSince(count, start)
  }
  return { appendRate, replayRate, close: () => db.close() }
}

const measureRaw = async (synchronous: "NORMAL" | "FULL"): Promise<Row> => {
  const raw = rawSqlite(synchronous)
  const batch1 = await best(async () => raw.appendRate(1, SMALL_BATCHES))
  const batch100 = await best(async () => raw.appendRate(100, LARGE_EVENTS))
  const replay = await best(async () => raw.replayRate())
  raw.close()
  return { backend: `raw better-sqlite3 (sync ${synchronous.toLowerCase()})`, batch1, batch100, replay }
}

const measure = async (backend: string, layer: () => Layer.Layer<EventStore, unknown>): Promise<Row> => {
  const store = measureStore(layer)
  const batch1 = await store.appendRate(1, SMALL_BATCHES)
  const batch100 = await store.appendRate(100, LARGE_EVENTS)
  const replay = await store.replayRate()
  return { backend, batch1, batch100, replay }
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
const ratio = (n: number, base: number) => `${(n / base).toFixed(2)}×`

const main = async () => {
  const rows: Array<Row> = []
  const baselineNormal = await measureRaw("NORMAL")
  const baselineFull = await measureRaw("FULL")
  rows.push(baselineNormal, baselineFull)

  // The memory store keeps its log for the layer's lifetime: one layer shared by the trials of a measure.
  const memory = await Effect.runPromise(Effect.scoped(Layer.build(EventStore.memory())))
  rows.push(await measure("memory", () => Layer.succeedContext(memory)))

  for (const synchronous of ["normal", "full"] as const) {
    const file = join(folder, `store-${synchronous}.db`)
    rows.push(
      await measure(`sqlite (sync ${synchronous})`, () => EventStore.sqlite({ filename: file, synchronous })),
    )
  }

  if (pgUrl !== undefined) {
    const schema = `es_bench_${process.pid}`
    rows.push(await measure("postgres", () => EventStore.postgres({ url: pgUrl, schema })))
    await Effect.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(`DROP SCHEMA ${schema} CASCADE`)).pipe(
        Effect.provide(PgClient.layer({ url: Redacted.make(pgUrl) })),
      ),
    )
  } else {
    console.log("PostgreSQL skipped: set ACCORD_BENCH_PG_URL or ACCORD_TEST_PG_URL")
  }

  console.log(
    `\nevents/s, best of ${TRIALS}; batch of 1: ${SMALL_BATCHES} appends; batch of 100: ${LARGE_EVENTS} events; replay: readAll pages of 5000 over the whole log`,
  )
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}\n`,
  )
  const header = [
    "backend",
    "append batch=1 (wall / CPU)",
    "append batch=100 (wall / CPU)",
    "replay (wall / CPU)",
    "batch=100 vs raw (CPU)",
    "replay vs raw (CPU)",
  ]
  const pair = (rate: Rate) => `${fmt(rate.wall)} / ${fmt(rate.cpu)}`
  const table = rows.map((row) => {
    const base = row.backend.includes("full") ? baselineFull : baselineNormal
    return [
      row.backend,
      pair(row.batch1),
      pair(row.batch100),
      pair(row.replay),
      ratio(row.batch100.cpu, base.batch100.cpu),
      ratio(row.replay.cpu, base.replay.cpu),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] as string).length)))
  const line = (cells: Array<string>) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`)
  for (const row of table) console.log(line(row))
  const figures = rows.flatMap((row) =>
    (
      [
        ["append batch=1", row.batch1],
        ["append batch=100", row.batch100],
        ["replay", row.replay],
      ] as const
    ).flatMap(([measure, rate]) => [
      { case: row.backend, measure: `${measure} (wall)`, value: Math.round(rate.wall), unit: "events/s" },
      { case: row.backend, measure: `${measure} (CPU)`, value: Math.round(rate.cpu), unit: "events/s" },
    ]),
  )
  console.log(`BENCH_JSON ${JSON.stringify({ rows: figures })}`)
  console.log(
    "\nRatios: CPU rates against raw better-sqlite3 with the same synchronous setting (memory, postgres: sync normal).",
  )
  console.log("PostgreSQL's CPU rate counts only this client process, not the server: read its wall rate.")
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => rmSync(folder, { recursive: true, force: true }))
