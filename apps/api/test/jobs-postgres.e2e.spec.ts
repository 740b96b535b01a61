import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exerciseClient } from "./exercise-client.js"
import { memoryApp } from "./memory-app.js"
import type { ServiceProcess } from "./service-process.js"
import {
  post,
  privateSchema,
  type getRun as readRun,
  startInstances,
  stopInstances,
  wait,
} from "./three-instances.js"

const url = process.env.ACCORD_TEST_PG_URL
if (!url) console.warn("\n*** SKIPPED: PostgreSQL job tests (ACCORD_TEST_PG_URL not set) ***\n")

/**
 * Over the size where a run splits into chunks any instance takes (8 million commitment-months, about 16,800
 * runs; chunked-job.ts): 5 chunks. The instance that took the job (the one waiting for the chunks) is killed
 * as soon as it says so, which is seconds before the runs can finish (the worker threads alone take seconds to
 * start under tsx); the take-over finds the chunks stored so far and queues only the missing ones.
 */
const RUNS = 20_000

/** Every instance's answer for a run: HTTP status and body. */
const getRun = async (service: ServiceProcess, runId: string) => {
  const response = await fetch(`${service.url}/api/runs/${runId}`)
  return { status: response.status, body: (await response.json()) as Awaited<ReturnType<typeof readRun>> }
}
/** Which services logged that they started an attempt at the job. */
const takers = (services: ReadonlyArray<ServiceProcess>, runId: string) =>
  services.filter((s) =>
    s.logs.some((r) => JSON.stringify(r).includes("job started") && JSON.stringify(r).includes(runId)),
  )

interface JobView {
  status: string
  attempts: number
  done: number
  total: number
  error?: { error: string; message: string }
}
const getJob = async (service: ServiceProcess, id: string) =>
  (await (await fetch(`${service.url}/api/jobs/${id}`)).json()) as JobView
/** The log lines (across instances) that mention a job and a message, oldest first. */
const logLines = (services: ReadonlyArray<ServiceProcess>, id: string, message: string) =>
  services
    .flatMap((s) => s.logs)
    .filter((r) => JSON.stringify(r).includes(message) && JSON.stringify(r).includes(id))
    .map((r) => Date.parse(String(r.timestamp ?? r.time)))
    .sort((x, y) => x - y)
/** Larger than the analysis background threshold: a job. */
const sobolBody = (seed: number) => ({
  spec: { pack: "sybiha-visit-2025", runs: 200, seed },
  indicator: "funds.disbursed_usd_m",
  method: "sobol",
  samples: 1_500,
})

/** The events of a run's SSE stream, read until it ends. */
const readEvents = async (service: ServiceProcess, runId: string) => {
  const response = await fetch(`${service.url}/api/runs/${runId}/events`)
  const text = await response.text()
  return [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
}

// One schema and three instances for the whole file, started together (the store's migrator and pg-boss
// take turns on a fresh schema).
const schema = url === undefined ? undefined : privateSchema(url, "api_jobs")
let services: Array<ServiceProcess> = []
beforeAll(async () => {
  if (url === undefined || schema === undefined) return
  services = await startInstances(3, {
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema.name,
    // A lost worker is noticed after 6 s without a heartbeat (30 s in service), so the test stays short. Safe
    // with Sobol jobs too: their matrices and bootstrap compute in worker threads, not on the event loop.
    JOB_STALE_SECONDS: "6",
    JOB_LOG_SECONDS: "1",
    // Goal-seek jobs fail on every attempt (test-only injection): the retries and the final failure show.
    ACCORD_TEST_JOB_FAULT: "goal",
  })
}, 120_000)
// The direct path (on the event loop of this process) of the same requests, to compare a job's bytes with.
const direct = memoryApp({ backgroundThreshold: Number.MAX_SAFE_INTEGER })
afterAll(async () => {
  await direct.dispose()
  await stopInstances(services)
  schema?.drop()
}, 60_000)

describe.skipIf(!url)("analysis jobs on three instances sharing one PostgreSQL database", () => {
  it("a job failing on every attempt is retried with backoff, then failed with the error shape on every instance", async () => {
    const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
    // Large enough (23 bisection steps of 10,000 runs) to be a job; the injected fault fails it at once.
    const started = await post(a, "/api/goal", {
      spec: {
        pack: "sybiha-visit-2025",
        runs: 10_000,
        interventions: [{ type: "aid-package", month: 1, sector: "energy", amountUsdM: 200, form: "grant" }],
      },
      lever: { intervention: 0, field: "amountUsdM" },
      indicator: "energy.capacity_restored_mw",
      month: 12,
      target: 150,
      probability: 0.5,
    })
    expect(started.status).toBe(202)
    const { id } = (await started.json()) as { id: string }
    const seen = new Set<string>()
    let job = await getJob(b, id)
    for (let i = 0; i < 300 && job.status !== "failed"; i++) {
      seen.add(`${job.status}:${job.attempts}:${job.error?.error ?? ""}`)
      await wait(100)
      job = await getJob(b, id)
    }
    // Between tries the job waits queued with its last error; the third failure is final.
    expect([...seen].some((s) => s.startsWith("queued:") && s.endsWith(":InternalError"))).toBe(true)
    expect(job).toMatchObject({ status: "failed", attempts: 3, error: { error: "InternalError" } })
    expect(job.error?.message).toEqual(expect.any(String))
    for (const service of [a, c]) expect(await getJob(service, id)).toEqual(job)
    const status = await fetch(`${c.url}/api/goal/${id}`)
    expect(status.status).toBe(202)
    expect(await status.json()).toMatchObject({ id, status: "failed", attempts: 3, error: job.error })
    const overview = (await (await fetch(`${a.url}/api/jobs`)).json()) as {
      recentFailures: Array<{ id: string }>
    }
    expect(overview.recentFailures.map((f) => f.id)).toContain(id)
    // pg-boss's backoff: 2–4 s before the second try, 4–8 s before the third.
    const starts = logLines(services, id, "job started")
    expect(starts).toHaveLength(3)
    const [first, second, third] = starts as [number, number, number]
    expect(second - first).toBeGreaterThanOrEqual(1_900)
    expect(third - second).toBeGreaterThanOrEqual(3_900)
  }, 90_000)

  it("a Sobol job started on one instance runs once, and its result reads the same on every instance", async () => {
    const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
    const started = await post(a, "/api/sensitivity", sobolBody(21))
    expect(started.status).toBe(202)
    const { id, eventsUrl } = (await started.json()) as { id: string; eventsUrl: string }
    // Asked again on another instance while it runs: the same job.
    const twice = await post(b, "/api/sensitivity", sobolBody(21))
    expect(((await twice.json()) as { id: string }).id).toBe(id)
    const events = await (await fetch(`${c.url}${eventsUrl}`)).text()
    expect(events).toContain("event: completed")
    const results = await Promise.all(
      [a, b, c].map(async (s) => {
        const response = await fetch(`${s.url}/api/sensitivity/${id}?format=json`)
        expect(response.status).toBe(200)
        return response.text()
      }),
    )
    expect(new Set(results).size).toBe(1)
    // Asked once more after it is stored: the stored bytes, at once, with no new job.
    const again = await post(c, "/api/sensitivity?format=json", sobolBody(21))
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(results[0])
    expect(logLines(services, id, "job started")).toHaveLength(1)
  }, 180_000)

  it("a job cancelled on one instance stops on the instance computing it, and shows cancelled everywhere", async () => {
    const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
    // A Sobol job three times the others (the per-request ceiling allows about four): seconds of work, so it cannot
    // finish between the cancel and the worker's next heartbeat (CI once saw a smaller one finish first).
    const started = await post(a, "/api/sensitivity", { ...sobolBody(22), samples: 5_000 })
    expect(started.status).toBe(202)
    const { id } = (await started.json()) as { id: string }
    for (let i = 0; i < 300 && logLines(services, id, "job started").length === 0; i++) await wait(100)
    // Cancelled while under way, not while queued (a queued job is never taken, so never "stopped").
    expect(logLines(services, id, "job started")).toHaveLength(1)
    const cancelledAt = Date.now()
    const cancel = await fetch(`${b.url}/api/jobs/${id}/cancel`, { method: "POST" })
    expect(cancel.status).toBe(200)
    expect(((await cancel.json()) as JobView).status).toBe("cancelled")
    // The worker sees it at its next heartbeat (every second) and interrupts its work: its tasks still queued
    // in the worker pool are dropped, the ones under way finish.
    for (let i = 0; i < 600 && logLines(services, id, "job stopped").length === 0; i++) await wait(100)
    const stopped = logLines(services, id, "job stopped")
    expect(stopped).toHaveLength(1)
    console.log(
      `cancel: the worker stopped ${((stopped[0] as number) - cancelledAt) / 1000} s after the request`,
    )
    for (const service of [a, b, c]) expect((await getJob(service, id)).status).toBe("cancelled")
    const status = await fetch(`${c.url}/api/sensitivity/${id}`)
    expect(await status.json()).toMatchObject({ id, status: "cancelled" })
    expect(await (await fetch(`${a.url}/api/sensitivity/${id}/events`)).text()).toContain("event: cancelled")
    expect((await fetch(`${c.url}/api/jobs/${id}/cancel`, { method: "POST" })).status).toBe(409)
  }, 90_000)
})

describe.skipIf(!url)(
  "backtests and debriefs as jobs on three instances sharing one PostgreSQL database",
  () => {
    it("a large backtest and a large debrief run once, and read the same bytes on every instance as the direct path", async () => {
      const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
      // Over the background threshold of a scenario run (about 4,200 runs of the default pack): a job.
      const backtest = "/api/packs/sybiha-visit-2025/backtest?asOf=2025-12-31&runs=5000"
      const started = await fetch(`${a.url}${backtest}`)
      expect(started.status).toBe(202)
      const { id, eventsUrl } = (await started.json()) as { id: string; eventsUrl: string }
      expect(((await (await fetch(`${b.url}${backtest}`)).json()) as { id: string }).id).toBe(id)
      expect(await (await fetch(`${c.url}${eventsUrl}`)).text()).toContain("event: completed")
      const results = await Promise.all(
        [a, b, c].map(async (s) => (await fetch(`${s.url}/api/backtest/${id}`)).text()),
      )
      expect(new Set(results).size).toBe(1)
      expect(await (await direct.app.request(backtest)).text()).toBe(results[0])
      expect(await (await fetch(`${c.url}${backtest}`)).text()).toBe(results[0])
      expect(logLines(services, id, "job started")).toHaveLength(1)

      // A class of 2,000 runs with one move: the debrief simulates three coalitions of it, a job.
      const api = (s: ServiceProcess) => exerciseClient((path, init) => fetch(`${s.url}${path}`, init))
      const ex = await api(a).create({ rounds: 2, runs: 2_000, seed: 3 })
      const japan = await api(a).join(ex.id, ex.joinCodes.japan, "Tokyo")
      const offer = { type: "offer-aid", sector: "energy", amountUsdM: 400, form: "grant", title: "Grid" }
      expect((await api(b).move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })).status).toBe(
        201,
      )
      expect((await api(b).close(ex.id, ex.facilitatorToken)).status).toBe(200)
      const debrief = await api(c).get(`/api/exercises/${ex.id}/debrief`, ex.facilitatorToken)
      expect(debrief.status).toBe(202)
      const job = (await debrief.json()) as { id: string; statusUrl: string; eventsUrl: string }
      const events = await api(a).get(job.eventsUrl, ex.facilitatorToken)
      expect(await events.text()).toContain("event: completed")
      const debriefs = await Promise.all(
        [a, b, c].map(async (s) => {
          const response = await api(s).get(job.statusUrl, ex.facilitatorToken)
          expect(response.status).toBe(200)
          return response.text()
        }),
      )
      expect(new Set(debriefs).size).toBe(1)
      const again = await api(b).get(`/api/exercises/${ex.id}/debrief`, ex.facilitatorToken)
      expect(again.status).toBe(200)
      expect(await again.text()).toBe(debriefs[0])
      expect(logLines(services, job.id, "job started")).toHaveLength(1)
    }, 120_000)
  },
)

// Last: it kills one of the three instances.
describe.skipIf(!url)("large runs as jobs on three instances sharing one PostgreSQL database", () => {
  it("a run whose instance is SIGKILLed while computing it completes on another, recorded once, the same on every instance", async () => {
    const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
    const created = await post(a, "/api/scenarios", {
      pack: "sybiha-visit-2025",
      runs: RUNS,
      name: "Killed while running",
    })
    const { id: scenarioId } = (await created.json()) as { id: string }
    const started = await fetch(`${a.url}/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(started.status).toBe(202)
    const { runId } = (await started.json()) as { runId: string }
    // Asked again while it runs, the same work is the same job.
    const twice = await fetch(`${b.url}/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(((await twice.json()) as { runId: string }).runId).toBe(runId)

    // Every instance answers for the run from the start: none says 404 while another computes it. The
    // instance that took the job is killed as soon as it says so: on an idle machine the runs take a few
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
