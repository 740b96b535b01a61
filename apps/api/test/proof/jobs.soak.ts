// Durable jobs (soak, not CI): three API instances on one private PostgreSQL cluster. A 50,000-run scenario
// run survives the SIGKILL of the instance computing it; ten large runs spread over three instances all
// complete, each computed and recorded once; ten Sobol analyses spread over three instances all complete, each
// computed once; PostgreSQL stopped and started under running jobs: they pause and complete. The short CI
// variant is apps/api/test/jobs-postgres.e2e.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PrivatePostgres, startPrivatePostgres } from "../../../../scripts/soak/private-postgres.js"
import { type ServiceProcess, startServiceProcess as startService } from "../service-process.js"
import { getRun, post, psql as psqlAt, type RunView, startInstances, wait } from "../three-instances.js"

const pack = "sybiha-visit-2025"
const psql = (query: string) => psqlAt(pg.url, query)
const env = () => ({ DATABASE_URL: pg.url, JOB_STALE_SECONDS: "10", JOB_LOG_SECONDS: "5" })
interface JobView {
  id: string
  attempts: number
  worker?: string
}

let pg: PrivatePostgres
let instances: Array<ServiceProcess> = []
beforeAll(async () => {
  pg = await startPrivatePostgres()
  instances = await startInstances(3, env())
})
afterAll(async () => {
  await Promise.all(instances.map((s) => s.kill()))
  instances = []
  pg?.remove()
})

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

  it("ten Sobol jobs over three instances: all complete, none computed twice, the same bytes everywhere", async () => {
    const body = (seed: number) => ({
      spec: { pack, runs: 200, seed },
      indicator: "funds.disbursed_usd_m",
      method: "sobol",
      // Over the background threshold (about 63 million commitment-months): each one is a job.
      samples: 1_500,
    })
    const t0 = Date.now()
    const ids = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const started = await post(instances[i % 3] as ServiceProcess, "/api/sensitivity", body(300 + i))
        expect(started.status).toBe(202)
        return ((await started.json()) as { id: string }).id
      }),
    )
    const finished: Array<number> = []
    for (const [i, id] of ids.entries()) {
      // Followed on another instance than the one that took the request, read on a third.
      const events = await (await fetch(`${instances[(i + 1) % 3]?.url}/api/sensitivity/${id}/events`)).text()
      expect(events).toContain("event: completed")
      finished.push(Date.now() - t0)
      const [x, y] = await Promise.all(
        [instances[(i + 2) % 3], instances[i % 3]].map(async (s) => {
          const response = await fetch(`${s?.url}/api/sensitivity/${id}?format=json`)
          expect(response.status).toBe(200)
          return response.text()
        }),
      )
      expect(x).toBe(y)
    }
    const list = ids.map((id) => `'${id}'`).join(",")
    const rows = psql(
      `SELECT status, attempts, count(*) FROM accord_jobs.accord_job WHERE id IN (${list}) GROUP BY 1, 2`,
    )
    expect(rows.trim()).toBe("completed|1|10")
    const starts = instances.flatMap((s) => s.logs).filter((r) => JSON.stringify(r).includes("job started"))
    for (const id of ids) expect(starts.filter((r) => JSON.stringify(r).includes(id))).toHaveLength(1)
    const workers = psql(
      `SELECT worker, count(*), min(total) FROM accord_jobs.accord_job WHERE id IN (${list}) GROUP BY 1`,
    )
    console.log(
      `ten Sobol jobs (N = 1,500): all completed in ${(Math.max(...finished) / 1000).toFixed(1)} s; worker|jobs|runs each:\n${workers}`,
    )
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
