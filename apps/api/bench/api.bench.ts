// `npx tsx apps/api/bench/api.bench.ts`: POST /api/simulate with the default spec (1,000 runs) at 1 and
// 32 connections against a bare Hono JSON route on the same machine, measured with autocannon in one run.
// The default spec repeated is served from the report cache after its first request; a second series
// changes the seed on every request, so that each one simulates.
import { spawn } from "node:child_process"
import { availableParallelism, cpus } from "node:os"
import { fileURLToPath } from "node:url"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { simulate } from "@accord/engine"
import autocannon from "autocannon"
import { Either } from "effect"

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const servers = spawn(
  process.execPath,
  ["--import", "tsx", fileURLToPath(new URL("./bench-servers.ts", import.meta.url))],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
)
const ports = await new Promise<{ api: number; bare: number }>((resolve, reject) => {
  servers.stdout?.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString())))
  servers.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)))
})

const defaultSpec = JSON.stringify({ pack: "sybiha-visit-2025" })

interface Row {
  readonly target: string
  readonly connections: number
  readonly reqPerSec: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly errors: number
  readonly requests: number
}

const percentile = (sorted: ReadonlyArray<number>, q: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number)

/** One autocannon run; latencies are recorded per response, so that p95 is exact. `body` may vary per request. */
const load = async (
  target: string,
  url: string,
  body: string | (() => string),
  connections: number,
): Promise<Row> => {
  const latencies: Array<number> = []
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(typeof body === "string"
      ? { body }
      : { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] }),
  })
  instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms))
  const result = await instance
  latencies.sort((a, b) => a - b)
  return {
    target,
    connections,
    reqPerSec: result.requests.total / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  }
}

const api = `http://127.0.0.1:${ports.api}/api/simulate`
const bare = `http://127.0.0.1:${ports.bare}/`
// Warm up: JIT, the pack's compiled model, sockets.
await load("warm-up", api, defaultSpec, 4)

// A new seed per request defeats the report cache: every request simulates 1,000 runs.
let seed = 1_000
const freshSpec = () => JSON.stringify({ pack: "sybiha-visit-2025", seed: seed++ })

const rows: Array<Row> = []
for (const connections of [1, 32]) {
  rows.push(await load("bare Hono JSON route", bare, "{}", connections))
  rows.push(
    await load("POST /api/simulate default spec (repeated: cached report)", api, defaultSpec, connections),
  )
  rows.push(
    await load("POST /api/simulate 1,000 runs, new seed each (computed)", api, freshSpec, connections),
  )
}
servers.kill("SIGTERM")

// The engine alone on this thread, same spec and fresh seeds: what a computed request cannot go below.
const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("the default pack is missing")
const engineMs: Array<number> = []
for (let i = 0; i < 30; i++) {
  const spec = Either.getOrThrow(decodeScenarioSpec({ pack: pack.id, seed: 50_000 + i }, packCatalog))
  const started = performance.now()
  simulate(pack, spec)
  engineMs.push(performance.now() - started)
}
engineMs.sort((a, b) => a - b)

const f = (n: number, digits = 1) => n.toFixed(digits)
console.log(
  `\nAPI benchmark — ${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} cores, Node ${process.version}, ${seconds} s per row\n`,
)
console.log("| target | connections | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare (req/s) |")
console.log("|---|---:|---:|---:|---:|---:|---:|---:|")
for (const row of rows) {
  const ceiling = rows.find((r) => r.target.startsWith("bare") && r.connections === row.connections) as Row
  const ratio = row === ceiling ? "1 (ceiling)" : `1/${f(ceiling.reqPerSec / row.reqPerSec, 0)}`
  console.log(
    `| ${row.target} | ${row.connections} | ${f(row.reqPerSec)} | ${f(row.p50)} | ${f(row.p95)} | ${f(row.p99)} | ${row.errors} | ${ratio} |`,
  )
}
console.log(
  `| engine simulate() alone, 1,000 runs, one thread (30 seeds) | – | ${f(1000 / percentile(engineMs, 0.5))} | ${f(percentile(engineMs, 0.5))} | ${f(percentile(engineMs, 0.95))} | ${f(percentile(engineMs, 0.99))} | – | – |`,
)
// The workspace's `pnpm bench` collects figures from this line (see scripts/bench.ts).
console.log(
  `BENCH_JSON ${JSON.stringify({
    rows: rows.flatMap((row) => [
      {
        case: `${row.target} @${row.connections}`,
        measure: "req/s",
        value: Number(f(row.reqPerSec)),
        unit: "/s",
      },
      { case: `${row.target} @${row.connections}`, measure: "p50", value: Number(f(row.p50)), unit: "ms" },
      { case: `${row.target} @${row.connections}`, measure: "p95", value: Number(f(row.p95)), unit: "ms" },
      { case: `${row.target} @${row.connections}`, measure: "errors", value: row.errors, unit: "" },
    ]),
  })}`,
)
console.log("")
for (const kind of ["cached", "computed"]) {
  const single = rows.find((r) => r.target.includes(kind) && r.connections === 1) as Row
  const many = rows.find((r) => r.target.includes(kind) && r.connections === 32) as Row
  console.log(
    `${kind}: p95 ≤ 50 ms at 1 connection ${single.p95 <= 50 ? "met" : "NOT met"} (${f(single.p95)} ms); no errors at 32 connections ${many.errors === 0 ? "met" : "NOT met"} (${many.errors})`,
  )
}
