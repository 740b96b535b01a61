// `pnpm bench -- jobs`: the job path beside the direct path for a 10,000-run scenario run on the default pack.
// Direct: the simulator in this process (warm worker pool), first progress and report. Job path: service
// processes (as `pnpm start` runs them, under tsx) on a private PostgreSQL cluster, one instance and three;
// the run asked for on the first instance, its SSE stream read on the last (on three instances another
// instance than the one that took the request, its progress read from the database). Also one instance
// on SQLite (the in-process engine). Measures, per path: enqueue → first progress event with done > 0 (or
// `completed`, when that came first), and enqueue → `completed`; best of three runs (a shared machine: the least disturbed one), each with its own
// seed so that no cache answers.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { Either, ManagedRuntime } from "effect"
import { startPrivatePostgres } from "../../../scripts/soak/private-postgres.js"
import { Simulator, SimulatorLive } from "../src/simulation/simulator.js"
import { type ServiceProcess, startServiceProcess } from "../test/service-process.js"

const RUNS = 10_000
const TRIES = 3
const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")

interface Timing {
  readonly firstProgressMs: number
  readonly resultMs: number
}
const best = (timings: ReadonlyArray<Timing>): Timing => ({
  firstProgressMs: Math.min(...timings.map((t) => t.firstProgressMs)),
  resultMs: Math.min(...timings.map((t) => t.resultMs)),
})

/** The direct path: Simulator.simulate in this process, with its progress listener. */
const direct = async (): Promise<Timing> => {
  const runtime = ManagedRuntime.make(SimulatorLive({ warmWorkers: true, cachedReports: 0 }))
  const simulator = await runtime.runPromise(Simulator)
  const once = async (seed: number): Promise<Timing> => {
    const spec = Either.getOrThrow(decodeScenarioSpec({ pack: pack.id, runs: RUNS, seed }, packCatalog))
    const t0 = performance.now()
    let first = Number.NaN
    await runtime.runPromise(
      simulator.simulate(pack, spec, (done) => {
        if (Number.isNaN(first) && done > 0) first = performance.now() - t0
      }),
    )
    return { firstProgressMs: first, resultMs: performance.now() - t0 }
  }
  await once(1) // the worker threads' first task
  const timings: Array<Timing> = []
  for (let i = 0; i < TRIES; i++) timings.push(await once(10 + i))
  await runtime.dispose()
  return best(timings)
}

const post = (service: ServiceProcess, path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

/** One run through the job path: asked on `asked`, followed (SSE) on `followed`. */
const jobRun = async (asked: ServiceProcess, followed: ServiceProcess, seed: number): Promise<Timing> => {
  const created = await post(asked, "/api/scenarios", { pack: pack.id, runs: RUNS, seed })
  const { id } = (await created.json()) as { id: string }
  const t0 = performance.now()
  const started = await post(asked, `/api/scenarios/${id}/runs`)
  if (started.status !== 202) throw new Error(`expected 202, got ${started.status}`)
  const { runId } = (await started.json()) as { runId: string }
  const response = await fetch(`${followed.url}/api/runs/${runId}/events`)
  const reader = (response.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream())
    .getReader()
  let text = ""
  let first = Number.NaN
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    text += value
    if (Number.isNaN(first) && /"done":[1-9]/.test(text)) first = performance.now() - t0
    if (text.includes("event: completed")) break
    if (text.includes("event: failed")) throw new Error(`the run failed: ${text}`)
  }
  await reader.cancel()
  const resultMs = performance.now() - t0
  // Completed before the stream showed any progress (its instance reads the job's row every 500 ms, the
  // worker writes it every second): the first progress it showed was the end.
  return { firstProgressMs: Number.isNaN(first) ? resultMs : first, resultMs }
}

const jobPath = async (services: ReadonlyArray<ServiceProcess>, seedBase: number): Promise<Timing> => {
  const asked = services[0] as ServiceProcess
  const followed = services[services.length - 1] as ServiceProcess
  // Each instance's worker threads start with its first large job: one unmeasured run per instance.
  for (const [i, s] of services.entries()) await jobRun(s, s, seedBase + 90 + i)
  const timings: Array<Timing> = []
  for (let i = 0; i < TRIES; i++) timings.push(await jobRun(asked, followed, seedBase + i))
  return best(timings)
}

const stopAll = async (services: ReadonlyArray<ServiceProcess>) => {
  for (const s of services) s.child.kill("SIGTERM")
  await Promise.all(services.map((s) => s.exited))
}

const results: Array<{ path: string; timing: Timing }> = []
results.push({ path: "direct (in process)", timing: await direct() })

const dataDir = mkdtempSync(join(tmpdir(), "accord-jobs-bench-"))
const sqlite = await startServiceProcess({ DATA_DIR: dataDir }, { keepLogs: false })
results.push({ path: "job, SQLite, 1 instance", timing: await jobPath([sqlite], 100) })
await stopAll([sqlite])
rmSync(dataDir, { recursive: true, force: true })

const pg = await startPrivatePostgres()
try {
  const env = (schema: string) => ({ DATABASE_URL: pg.url, DATABASE_SCHEMA: schema })
  const one = [await startServiceProcess(env("one"), { keepLogs: false })]
  results.push({ path: "job, PostgreSQL, 1 instance", timing: await jobPath(one, 200) })
  await stopAll(one)
  const three = await Promise.all([1, 2, 3].map(() => startServiceProcess(env("three"), { keepLogs: false })))
  results.push({ path: "job, PostgreSQL, 3 instances", timing: await jobPath(three, 300) })
  await stopAll(three)
} finally {
  pg.remove()
}

const rows = results.flatMap(({ path, timing }) => [
  {
    case: `${path}, ${RUNS.toLocaleString("en-US")} runs`,
    measure: "enqueue → first progress",
    value: Math.round(timing.firstProgressMs),
    unit: "ms",
  },
  {
    case: `${path}, ${RUNS.toLocaleString("en-US")} runs`,
    measure: "enqueue → result",
    value: Math.round(timing.resultMs),
    unit: "ms",
  },
])
for (const row of rows) console.log(`  ${row.case} | ${row.measure}: ${row.value} ${row.unit}`)
console.log(`BENCH_JSON ${JSON.stringify({ rows })}`)
