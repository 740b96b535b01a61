// `pnpm bench -- sobol-jobs`: a Sobol job (N = 1,500 on the default pack, 132,000 evaluations: a job, above the
// analysis background threshold) through the job path on PostgreSQL, its matrix rows split into chunks that
// every instance takes (JOB_SPLIT_WORK at its default) or not (JOB_SPLIT_WORK far above it: the instance
// that took the job samples every row in its own worker threads), on one instance and on three; beside the
// direct path (`analyse` in this process, warm worker pool). Measures enqueue (POST /api/sensitivity on the
// first instance) → result (its SSE stream on the last instance says `completed` and its JSON is read); best
// of three, each with its own seed so that no stored result answers, after one unmeasured job per instance.
import { ManagedRuntime, Schema } from "effect"
import { startPrivatePostgres } from "../../../scripts/soak/private-postgres.js"
import { SensitivityRequest } from "../src/analysis/analysis-requests.js"
import { analyse } from "../src/analysis/analysis-work.js"
import { packById } from "../src/packs/pack-lookup.js"
import { SimulatorLive } from "../src/simulation/simulator.js"
import { type ServiceProcess, startServiceProcess } from "../test/service-process.js"

const TRIES = 3
const SAMPLES = 1_500
const body = (seed: number) => ({
  spec: { pack: "sybiha-visit-2025", runs: 200, seed },
  indicator: "funds.disbursed_usd_m",
  method: "sobol",
  samples: SAMPLES,
})

/** The direct path: the analysis in this process (the simulator's pool sampler), best of TRIES after one. */
const direct = async (): Promise<number> => {
  const runtime = ManagedRuntime.make(SimulatorLive({ warmWorkers: true, cachedReports: 0 }))
  const once = async (seed: number) => {
    const request = Schema.decodeUnknownSync(SensitivityRequest)(body(seed))
    const t0 = performance.now()
    await runtime.runPromise(analyse(packById(request.spec.pack), request))
    return performance.now() - t0
  }
  await once(1)
  const times: Array<number> = []
  for (let i = 0; i < TRIES; i++) times.push(await once(10 + i))
  await runtime.dispose()
  return Math.min(...times)
}

/** One Sobol job: asked on `asked`, followed (SSE) on `followed` until completed, then its result read. */
const sobolJob = async (asked: ServiceProcess, followed: ServiceProcess, seed: number) => {
  const t0 = performance.now()
  const started = await fetch(`${asked.url}/api/sensitivity`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body(seed)),
  })
  if (started.status !== 202) throw new Error(`expected 202, got ${started.status}`)
  const { id, eventsUrl } = (await started.json()) as { id: string; eventsUrl: string }
  const events = await (await fetch(`${followed.url}${eventsUrl}`)).text()
  if (!events.includes("event: completed")) throw new Error(`the job did not complete: ${events}`)
  const result = await fetch(`${followed.url}/api/sensitivity/${id}?format=json`)
  if (result.status !== 200) throw new Error(`expected the result, got ${result.status}`)
  await result.text()
  return performance.now() - t0
}

const jobPath = async (services: ReadonlyArray<ServiceProcess>, seedBase: number) => {
  const asked = services[0] as ServiceProcess
  const followed = services[services.length - 1] as ServiceProcess
  // Each instance's worker threads start with its first large work: one unmeasured job asked on each.
  for (const [i, s] of services.entries()) await sobolJob(s, s, seedBase + 90 + i)
  const times: Array<number> = []
  for (let i = 0; i < TRIES; i++) times.push(await sobolJob(asked, followed, seedBase + i))
  return Math.min(...times)
}

const stopAll = async (services: ReadonlyArray<ServiceProcess>) => {
  for (const s of services) s.child.kill("SIGTERM")
  await Promise.all(services.map((s) => s.exited))
}

const results: Array<{ path: string; ms: number }> = [{ path: "direct (in process)", ms: await direct() }]
const pg = await startPrivatePostgres()
try {
  const cases = [
    { instances: 1, split: false },
    { instances: 1, split: true },
    { instances: 3, split: false },
    { instances: 3, split: true },
  ]
  for (const [n, { instances, split }] of cases.entries()) {
    const env = {
      DATABASE_URL: pg.url,
      DATABASE_SCHEMA: `sobol_${n}`,
      ...(split ? {} : { JOB_SPLIT_WORK: String(1e15) }),
    }
    const services = await Promise.all(
      Array.from({ length: instances }, () => startServiceProcess(env, { keepLogs: false })),
    )
    const ms = await jobPath(services, 1_000 * (n + 1))
    results.push({
      path: `job, PostgreSQL, ${instances} instance${instances > 1 ? "s" : ""}, ${split ? "split into chunks" : "not split"}`,
      ms,
    })
    await stopAll(services)
  }
} finally {
  pg.remove()
}

const rows = results.map(({ path, ms }) => ({
  case: `Sobol N = ${SAMPLES.toLocaleString("en-US")}, ${path}`,
  measure: "enqueue → result",
  value: Math.round(ms),
  unit: "ms",
}))
for (const row of rows) console.log(`  ${row.case} | ${row.measure}: ${row.value} ${row.unit}`)
console.log(`BENCH_JSON ${JSON.stringify({ rows })}`)
