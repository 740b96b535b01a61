import { ScenarioSpec } from "@accord/domain"
import { localSampler, renderSensitivity, simulate, sobol } from "@accord/engine"
import { Effect, Schema } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SensitivityRequest } from "../src/analysis/analysis-requests.js"
import { defaultChunkOptions } from "../src/jobs/chunked-job.js"
import { packById } from "../src/packs/pack-lookup.js"
import { workOf } from "../src/simulation/work-ceiling.js"
import { type ServiceProcess, startServiceProcess } from "./service-process.js"
import {
  post,
  privateSchema,
  psql,
  type RunView,
  startInstances,
  stopInstances,
  wait,
} from "./three-instances.js"

const url = process.env.ACCORD_TEST_PG_URL
if (!url) console.warn("\n*** SKIPPED: PostgreSQL chunked job tests (ACCORD_TEST_PG_URL not set) ***\n")

const schema = privateSchema(url ?? "", "api_chunks")
/**
 * 24,000 runs of the default pack: 12 million commitment-months, above the 8 million where a job splits, in
 * 6 chunks of 4,000 runs (2 million commitment-months each). A few seconds of work on an idle 2-core machine;
 * most of the test's time is starting services and their worker threads under tsx.
 */
const RUNS = 24_000
// Named: a scenario without a name is "Untitled scenario", and the name is part of the spec a report holds.
const spec = {
  pack: "sybiha-visit-2025",
  name: "Split across instances",
  runs: RUNS,
  seed: 11,
  interventions: [{ type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" }],
}
const pack = packById(spec.pack)
const decoded = Schema.decodeUnknownSync(ScenarioSpec)(spec)
const chunkRuns = RUNS / Math.ceil(workOf(pack, decoded) / defaultChunkOptions.chunkWork)
// A lost chunk is sent again after 6 s without a chunk finishing (30 s in service), so the test stays short.
const env = {
  DATABASE_URL: url as string,
  DATABASE_SCHEMA: schema.name,
  JOB_LOG_SECONDS: "60",
  JOB_STALE_SECONDS: "6",
}

/**
 * A GET tried up to three times: on this loaded machine a poll every 100 ms once met a keep-alive socket the
 * service was closing (ECONNRESET, 2026-12-02 13:37 UTC). A service that died fails all three.
 */
const poll = async (target: string): Promise<Response> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(target)
    } catch (error) {
      if (attempt === 3) throw error
      await wait(200)
    }
  }
}

/** Whether a service process is still running (no exit code, no signal). */
const alive = (service: ServiceProcess) =>
  service.child.exitCode === null && service.child.signalCode === null

/** Creates a scenario of `spec` on one instance and starts its run. */
const startRun = async (service: ServiceProcess) => {
  const created = await post(service, "/api/scenarios", spec)
  const { id } = (await created.json()) as { id: string }
  const started = await post(service, `/api/scenarios/${id}/runs`)
  expect(started.status).toBe(202)
  return ((await started.json()) as { runId: string }).runId
}

/** Starts a run of `spec` on one instance and follows it to its end, noting the progress seen. */
const runToEnd = async (service: ServiceProcess, runId?: string) => {
  runId ??= await startRun(service)
  const seen: Array<number> = []
  let view: RunView = { status: "running" }
  for (let i = 0; i < 600 && view.status === "running"; i++) {
    await wait(100)
    view = (await (await poll(`${service.url}/api/runs/${runId}`)).json()) as RunView
    if (view.done !== undefined && seen.at(-1) !== view.done) seen.push(view.done)
  }
  return { runId, view, seen }
}

/** The first runs of the chunks of a job an instance logged `what` for ("chunk started", "chunk computed"). */
const chunksLogged = (service: ServiceProcess, jobId: string, what: string) =>
  service.logs.flatMap((r) => {
    const [msg, fields] = (r.message ?? []) as [string, { job?: string; fromRun?: number }?]
    return msg === what && fields?.job === jobId ? [fields.fromRun as number] : []
  })
/** The instances that logged splitting the job into chunks (the ones waiting for its chunks), with what they found stored. */
const splitters = (services: ReadonlyArray<ServiceProcess>, jobId: string) =>
  services.flatMap((s) =>
    s.logs.flatMap((r) => {
      const [msg, fields] = (r.message ?? []) as [string, { id?: string; stored?: number }?]
      return msg === "job split into chunks" && fields?.id === jobId ? [{ s, stored: fields.stored }] : []
    }),
  )
/**
 * A Sobol analysis large enough to be a job (132,000 evaluations, about 63 million commitment-months, above
 * the 8 million where a job splits): 176 sample tasks (two per matrix) in 36 chunks of about 2 million each.
 */
const sobolBody = {
  spec: { pack: "sybiha-visit-2025", runs: 200, seed: 31 },
  indicator: "funds.disbursed_usd_m",
  method: "sobol",
  samples: 1_500,
}
/** The instances (their URLs) that logged computing a chunk of the job. */
const chunkTakers = (services: ReadonlyArray<ServiceProcess>, jobId: string) =>
  services.filter((s) => chunksLogged(s, jobId, "chunk computed").length > 0).map((s) => s.url)

describe.skipIf(!url)(
  "a large run split into chunks across instances sharing one PostgreSQL database",
  () => {
    const services: Array<ServiceProcess> = []
    afterAll(async () => {
      await stopInstances(services)
      schema.drop()
    }, 60_000)

    let local: { readonly hash: string } = { hash: "" }

    it("gives the same report hash on one instance, on three, and in process", async () => {
      expect(Number.isInteger(chunkRuns) && chunkRuns < RUNS).toBe(true)
      local = simulate(pack, decoded)

      services.push(await startServiceProcess(env))
      const [a] = services as [ServiceProcess]
      const one = await runToEnd(a)
      expect(one.view).toMatchObject({ status: "completed", done: RUNS, total: RUNS })
      expect(one.view.reportHash).toBe(local.hash)
      expect(chunkTakers(services, one.runId)).toEqual([a.url])
      // Progress is the runs of the chunks done: whole chunks, never going back.
      for (const done of one.seen) expect(done % chunkRuns).toBe(0)
      expect([...one.seen].sort((x, y) => x - y)).toEqual(one.seen)

      services.push(...(await startInstances(2, env)))
      const [, b] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
      const three = await runToEnd(b)
      expect(three.view).toMatchObject({ status: "completed", done: RUNS, total: RUNS })
      expect(three.view.reportHash).toBe(local.hash)
      // The chunks were computed by more than one instance (each instance takes one per worker thread).
      const takers = chunkTakers(services, three.runId)
      expect(takers.length).toBeGreaterThanOrEqual(2)
      console.info(
        `chunks of the run on three instances were computed by ${takers.length} of them (${Math.round(performance.now() / 1000)} s)`,
      )

      // The report is the same on every instance, and the chunks are dropped once the run is recorded.
      for (const service of services) {
        const report = await fetch(`${service.url}/api/reports/${local.hash}`)
        expect(report.status).toBe(200)
        expect(((await report.json()) as { hash: string }).hash).toBe(local.hash)
      }
      expect(psql(url as string, `SELECT count(*) FROM ${schema.name}_jobs.accord_chunk`)).toBe("0")
      expect(services.map(alive)).toEqual([true, true, true])
    }, 300_000)

    it("an instance SIGKILLed while computing a chunk loses only that chunk: the run completes, the same hash", async () => {
      const [a, b, c] = services as [ServiceProcess, ServiceProcess, ServiceProcess]
      const runId = await startRun(a)
      // The first of b and c to start a chunk of this run is killed at once (the chunks it stored before stay
      // stored); a, where the run is followed, survives. (Waiting for c alone once timed out: a and b took
      // every chunk.)
      let victim: ServiceProcess | undefined
      for (let i = 0; i < 2_400 && victim === undefined; i++) {
        await wait(25)
        victim = [b, c].find((s) => chunksLogged(s, runId, "chunk started").length > 0)
      }
      if (victim === undefined) throw new Error("neither b nor c started a chunk of the run in 60 s")
      await victim.kill()
      const started = chunksLogged(victim, runId, "chunk started")
      const storedByVictim = chunksLogged(victim, runId, "chunk computed")
      const survivors = [a, victim === b ? c : b]
      const run = await runToEnd(a, runId)
      expect(run.view).toMatchObject({ status: "completed", done: RUNS, total: RUNS })
      expect(run.view.reportHash).toBe(local.hash)
      // The chunk it was computing was computed by a survivor; none it had stored was computed again.
      const bySurvivors = survivors.flatMap((s) => chunksLogged(s, runId, "chunk computed"))
      for (const from of started.filter((f) => !storedByVictim.includes(f)))
        expect(bySurvivors).toContain(from)
      for (const from of storedByVictim) expect(bySurvivors).not.toContain(from)
      expect(survivors.map(alive)).toEqual([true, true])
    }, 180_000)

    it("a Sobol job's matrix rows are chunks both instances take; the instance waiting for them is SIGKILLed: the other completes it, the same bytes as one process", async () => {
      // The two instances the last test left alive.
      const [a, b] = services.filter(alive) as [ServiceProcess, ServiceProcess]
      // One process, one thread, no chunks: the engine with its in-place sampler.
      const request = Schema.decodeUnknownSync(SensitivityRequest)(sobolBody)
      const local = renderSensitivity(
        Effect.runSync(
          sobol(
            pack,
            request.spec,
            { indicator: request.indicator, samples: request.samples as number },
            localSampler(pack),
          ),
        ),
        "json",
      )
      const started = await post(a, "/api/sensitivity", sobolBody)
      expect(started.status).toBe(202)
      const { id } = (await started.json()) as { id: string }
      // Killed once both instances have stored a chunk of it (the waiting one included, or not).
      for (
        let i = 0;
        i < 2_400 && (splitters([a, b], id).length === 0 || chunkTakers([a, b], id).length < 2);
        i++
      )
        await wait(25)
      expect(chunkTakers([a, b], id)).toHaveLength(2)
      const waiter = (splitters([a, b], id)[0] as { s: ServiceProcess }).s
      const survivor = waiter === a ? b : a
      const storedBefore = [a, b].flatMap((s) => chunksLogged(s, id, "chunk computed"))
      const survivorBefore = chunksLogged(survivor, id, "chunk computed").length
      await waiter.kill()
      let response = await poll(`${survivor.url}/api/sensitivity/${id}?format=json`)
      for (let i = 0; i < 1_200 && response.status === 202; i++) {
        const status = (await response.json()) as { status: string }
        expect(status.status).toBe("running")
        await wait(100)
        response = await poll(`${survivor.url}/api/sensitivity/${id}?format=json`)
      }
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(local)
      // The survivor took the job over, found the chunks stored before the kill, and computed none of them again.
      const takeOver = splitters([survivor], id).at(-1)
      expect(takeOver?.stored).toBeGreaterThanOrEqual(storedBefore.length)
      const after = chunksLogged(survivor, id, "chunk computed").slice(survivorBefore)
      for (const from of storedBefore) expect(after).not.toContain(from)
      console.info(
        `Sobol job: ${storedBefore.length} chunks stored when its waiting instance was killed, ${takeOver?.stored} found by the take-over, ${after.length} computed after`,
      )
      expect(psql(url as string, `SELECT count(*) FROM ${schema.name}_jobs.accord_chunk`)).toBe("0")
      expect(alive(survivor)).toBe(true)
    }, 240_000)
  },
)
