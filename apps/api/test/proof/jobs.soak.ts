// Durable jobs (soak, not CI): three API instances on one private PostgreSQL cluster. A 50,000-run scenario
// run survives the SIGKILL of the instance computing it; ten large runs spread over three instances all
// complete, each computed and recorded once; PostgreSQL stopped and started under running jobs: they pause
// and complete. The short CI variant is apps/api/test/jobs-postgres.e2e.spec.ts.
import { execFileSync } from "node:child_process"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PrivatePostgres, startPrivatePostgres } from "../../../../scripts/soak/private-postgres.js"
import { type ServiceProcess, startServiceProcess as startService } from "../service-process.js"

const pack = "sybiha-visit-2025"
const env = () => ({ DATABASE_URL: pg.url, JOB_STALE_SECONDS: "10", JOB_LOG_SECONDS: "5" })
const psql = (query: string) => execFileSync("psql", [pg.url, "-Atc", query]).toString()
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface RunView {
  status: string
  done?: number
  total?: number
  reportHash?: string
}
interface JobView {
  id: string
  attempts: number
  worker?: string
}

let pg: PrivatePostgres
let instances: Array<ServiceProcess> = []
beforeAll(async () => {
  pg = await startPrivatePostgres()
  instances = await Promise.all([startService(env()), startService(env()), startService(env())])
})
afterAll(async () => {
  await Promise.all(instances.map((s) => s.kill()))
  instances = []
  pg?.remove()
})

const post = (service: ServiceProcess, path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
const getRun = async (service: ServiceProcess, runId: string) =>
  (await (await fetch(`${service.url}/api/runs/${runId}`)).json()) as RunView
/** Starts a large run of a new scenario; answers its run id. */
const startRun = async (service: ServiceProcess, runs: number, seed: number) => {
  const created = await post(service, "/api/scenarios", { pack, runs, seed })
  const { id } = (await created.json()) as { id: string }
  const started = await post(service, `/api/scenarios/${id}/runs`)
  expect(started.status).toBe(202)
  return { scenarioId: id, runId: ((await started.json()) as { runId: string }).runId }
}
const untilDone = async (service: ServiceProcess, runId: string, minutes = 10) => {
  const deadline = Date.now() + minutes * 60_000
  let view = await getRun(service, runId).catch(() => ({ status: "running" }) as RunView)
  while (view.status === "running" && Date.now() < deadline) {
    await wait(500)
    view = await getRun(service, runId).catch(() => ({ status: "running" }) as RunView)
  }
  return view
}
const recordedTimes = async (service: ServiceProcess, scenarioId: string, runId: string) => {
  const scenario = (await (await fetch(`${service.url}/api/scenarios/${scenarioId}`)).json()) as {
    runs: Array<{ runId: string }>
  }
  return scenario.runs.filter((r) => r.runId === runId).length
}
const jobsOf = async (service: ServiceProcess) =>
  (await (await fetch(`${service.url}/api/jobs`)).json()) as { inFlight: Array<JobView> }
const workerOf = (job: JobView | undefined) => Number(job?.worker?.split(":").pop())

describe("durable jobs on three instances", () => {
  it("a 50,000-run run survives the SIGKILL of its instance halfway, recorded once, the same everywhere", async () => {
    const { scenarioId, runId } = await startRun(instances[0] as ServiceProcess, 50_000, 1)
    let view = await getRun(instances[1] as ServiceProcess, runId)
    while (view.status === "running" && (view.done ?? 0) < (view.total ?? 1) / 2) {
      await wait(250)
      view = await getRun(instances[1] as ServiceProcess, runId)
    }
    expect(view).toMatchObject({ status: "running" })
    const jobs = await jobsOf(instances[2] as ServiceProcess)
    const job = jobs.inFlight.find((j) => j.id === runId)
    const runner = instances.find((s) => s.child.pid === workerOf(job))
    expect(runner, JSON.stringify({ jobs, pids: instances.map((s) => s.child.pid) })).toBeDefined()
    const survivors = instances.filter((s) => s !== runner)
    const stream = fetch(`${survivors[0]?.url}/api/runs/${runId}/events`).then((r) => r.text())
    await runner?.kill()
    const final = await untilDone(survivors[1] as ServiceProcess, runId)
    expect(final).toMatchObject({ status: "completed", done: 50_000 })
    for (const s of survivors) expect(await getRun(s, runId)).toEqual(final)
    expect(await stream).toMatch(/event: progress[\s\S]*event: completed/)
    expect(await recordedTimes(survivors[0] as ServiceProcess, scenarioId, runId)).toBe(1)
    // Three instances again for what follows.
    instances = [...survivors, await startService(env())]
  })

  it("ten large runs over three instances: all complete, each computed once and recorded once", async () => {
    const started = await Promise.all(
      Array.from({ length: 10 }, (_, i) => startRun(instances[i % 3] as ServiceProcess, 6_000, 100 + i)),
    )
    for (const [i, { scenarioId, runId }] of started.entries()) {
      // Polled on another instance than the one that took the request.
      const final = await untilDone(instances[(i + 1) % 3] as ServiceProcess, runId)
      expect(final).toMatchObject({ status: "completed" })
      expect(await recordedTimes(instances[(i + 2) % 3] as ServiceProcess, scenarioId, runId)).toBe(1)
    }
    // Each job started exactly one attempt (no instance computed one twice).
    const ids = started.map((s) => `'${s.runId}'`).join(",")
    const attempts = psql(
      `SELECT attempts, count(*) FROM accord_jobs.accord_job WHERE id IN (${ids}) GROUP BY 1`,
    )
    expect(attempts.trim()).toBe("1|10")
  })

  it("PostgreSQL stopped and started under running jobs: the jobs pause, then complete once", async () => {
    const started = await Promise.all(
      Array.from({ length: 3 }, (_, i) => startRun(instances[i] as ServiceProcess, 20_000, 200 + i)),
    )
    let view = await getRun(instances[0] as ServiceProcess, started[0]?.runId as string)
    while (view.status === "running" && (view.done ?? 0) === 0) {
      await wait(250)
      view = await getRun(instances[0] as ServiceProcess, started[0]?.runId as string)
    }
    pg.stop()
    await wait(15_000)
    pg.start()
    // Every instance lived through it (a lost connection is logged, never fatal).
    for (const s of instances) expect(s.child.exitCode, JSON.stringify(s.errors)).toBeNull()
    for (const { scenarioId, runId } of started) {
      expect(await untilDone(instances[1] as ServiceProcess, runId)).toMatchObject({ status: "completed" })
      expect(await recordedTimes(instances[2] as ServiceProcess, scenarioId, runId)).toBe(1)
    }
  })
})
