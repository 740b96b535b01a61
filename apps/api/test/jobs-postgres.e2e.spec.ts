import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ServiceProcess, startServiceProcess } from "./service-process.js"

const url = process.env.ACCORD_TEST_PG_URL
if (!url) console.warn("\n*** SKIPPED: PostgreSQL job tests (ACCORD_TEST_PG_URL not set) ***\n")

// Its own schemas (the store's and the job engine's), removed at the end: other suites share the database.
const schema = `api_jobs_${randomBytes(4).toString("hex")}`
const dropSchemas = () =>
  execFileSync("psql", [url as string, "-qc", `DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`], {
    env: { ...process.env, PGOPTIONS: "--client-min-messages=warning" },
  })
/** Large enough that the run is still going when its instance is killed, even on an idle machine. */
const RUNS = 50_000
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface RunView {
  status: string
  done?: number
  total?: number
  reportHash?: string
  error?: unknown
}
const getRun = async (service: ServiceProcess, runId: string) => {
  const response = await fetch(`${service.url}/api/runs/${runId}`)
  return { status: response.status, body: (await response.json()) as RunView }
}
/** Which services logged that they started an attempt at the job. */
const takers = (services: ReadonlyArray<ServiceProcess>, runId: string) =>
  services.filter((s) =>
    s.logs.some((r) => JSON.stringify(r).includes("job started") && JSON.stringify(r).includes(runId)),
  )

/** The events of a run's SSE stream, read until it ends. */
const readEvents = async (service: ServiceProcess, runId: string) => {
  const response = await fetch(`${service.url}/api/runs/${runId}/events`)
  const text = await response.text()
  return [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
}

describe.skipIf(!url)("large runs as jobs on three instances sharing one PostgreSQL database", () => {
  let services: Array<ServiceProcess> = []
  beforeAll(async () => {
    const env = {
      DATABASE_URL: url as string,
      DATABASE_SCHEMA: schema,
      // A lost worker is noticed after 4 s without a heartbeat (30 s in service), so the test stays short.
      JOB_STALE_SECONDS: "4",
      JOB_LOG_SECONDS: "1",
    }
    // Started together: the store's migrator and pg-boss lock their schemas, so the instances take turns.
    services = await Promise.all([
      startServiceProcess(env),
      startServiceProcess(env),
      startServiceProcess(env),
    ])
  }, 90_000)
  afterAll(async () => {
    for (const service of services) service.child.kill("SIGTERM")
    await Promise.all(services.map((s) => s.exited))
    dropSchemas()
  }, 60_000)

  it("a run whose instance is SIGKILLed while computing it completes on another, recorded once, the same on every instance", async () => {
    const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
    const created = await fetch(`${a.url}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pack: "sybiha-visit-2025", runs: RUNS, name: "Killed while running" }),
    })
    const { id: scenarioId } = (await created.json()) as { id: string }
    const started = await fetch(`${a.url}/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(started.status).toBe(202)
    const { runId } = (await started.json()) as { runId: string }
    // Asked again while it runs, the same work is the same job.
    const twice = await fetch(`${b.url}/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(((await twice.json()) as { runId: string }).runId).toBe(runId)

    // Every instance answers for the run from the start: none says 404 while another computes it. The
    // instance that took the job is killed as soon as it says so: on an idle machine 50,000 runs take a few
    // seconds, so waiting for a share of the progress would race the run's end.
    let view = await getRun(b, runId)
    while (view.body.status === "running" && takers(services, runId).length === 0) {
      for (const service of [a, b, c]) {
        const seen = await getRun(service, runId)
        expect(seen.status).toBe(200)
        expect(seen.body.status).toBe("running")
      }
      await wait(250)
      view = await getRun(b, runId)
    }
    expect(view.body.status).toBe("running")
    const [first] = takers(services, runId)
    expect(first).toBeDefined()
    const survivors = services.filter((s) => s !== first) as [ServiceProcess, ServiceProcess]
    const events = readEvents(survivors[1], runId)
    first?.child.kill("SIGKILL")
    await first?.exited

    // The survivors keep answering "running" until one of them has taken the job up and finished it.
    let final = await getRun(survivors[0], runId)
    for (let i = 0; i < 600 && final.body.status === "running"; i++) {
      expect((await getRun(survivors[1], runId)).status).toBe(200)
      await wait(200)
      final = await getRun(survivors[0], runId)
    }
    expect(final.body).toMatchObject({ status: "completed", done: RUNS, total: RUNS })
    expect((await getRun(survivors[1], runId)).body).toEqual(final.body)
    expect(takers(survivors, runId).length).toBeGreaterThanOrEqual(1)
    expect(await events).toContain("completed")
    expect((await events).filter((e) => e === "progress").length).toBeGreaterThan(0)

    // Recorded once, and its report is there.
    const scenario = (await (await fetch(`${survivors[1].url}/api/scenarios/${scenarioId}`)).json()) as {
      runs: Array<{ runId: string }>
    }
    expect(scenario.runs.filter((r) => r.runId === runId)).toHaveLength(1)
    expect((await fetch(`${survivors[0].url}${`/api/reports/${final.body.reportHash}`}`)).status).toBe(200)

    // The operator's view: the job took two attempts; counts and ages are in the JSON logs.
    const jobs = (await (await fetch(`${survivors[0].url}/api/jobs`)).json()) as {
      counts: Record<string, number>
      inFlight: unknown[]
    }
    expect(jobs.counts.completed).toBeGreaterThanOrEqual(1)
    expect(jobs.inFlight).toEqual([])
    expect(
      survivors[0].logs.some((r) => r.msg === "jobs" && typeof r.oldestInFlightSeconds === "number"),
    ).toBe(true)
  }, 240_000)
})
