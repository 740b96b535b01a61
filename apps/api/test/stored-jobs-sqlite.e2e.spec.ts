import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { silentLogger } from "../src/http/request-log.js"
import { type ServerHandle, startServer } from "../src/server.js"
import { exerciseClient } from "./exercise-client.js"
import { memoryApp } from "./memory-app.js"

// Backtests and debriefs as jobs on the SQLite default, over a real port: every one is a job here (background
// threshold 0), computed in the worker pool; `direct` answers the same requests at once, on the event loop.
const dir = mkdtempSync(join(tmpdir(), "accord-stored-jobs-"))
let server: ServerHandle
const direct = memoryApp({ backgroundThreshold: Number.MAX_SAFE_INTEGER })
beforeAll(async () => {
  server = await startServer({
    port: 0,
    dataDir: dir,
    logger: silentLogger,
    // A ceiling of about 21,000 runs of the default pack: a backtest of more is refused before any job.
    simulator: {
      warmWorkers: false,
      backgroundThreshold: 0,
      workerThreshold: 0,
      workers: 1,
      workCeiling: 10_000_000,
    },
  })
})
afterAll(async () => {
  await server?.close()
  await direct.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const http = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)

interface Started {
  id: string
  status: string
  statusUrl: string
  eventsUrl: string
}

/** Follows a job's events to their end; answers the last event's name and the status URL's answer. */
const finished = async (started: Started, headers: Record<string, string> = {}) => {
  const events = await (await http(started.eventsUrl, { headers })).text()
  const result = await http(`${started.statusUrl}?format=json`, { headers })
  return { last: [...events.matchAll(/^event: (\w+)$/gm)].at(-1)?.[1], result }
}

describe("backtests as jobs (SQLite file, real HTTP)", () => {
  const path = "/api/packs/sybiha-visit-2025/backtest?asOf=2025-12-31&runs=300"

  it("answer 202, run once, and give the bytes of the direct answer; asked again, those bytes at once", async () => {
    const first = await http(path)
    expect(first.status).toBe(202)
    const started = (await first.json()) as Started
    expect(started).toMatchObject({ status: "running", statusUrl: `/api/backtest/${started.id}` })
    const twice = await http(path)
    expect(((await twice.json()) as Started).id).toBe(started.id)
    const { last, result } = await finished(started)
    expect(last).toBe("completed")
    expect(result.status).toBe(200)
    const expected = await (await direct.app.request(path)).text()
    expect(JSON.parse(expected)).toMatchObject({ runs: 300, asOf: "2025-12-31" })
    expect(await result.text()).toBe(expected)
    const again = await http(path)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(expected)
  }, 60_000)

  it("refuse bad parameters with 400 and their path, and an unknown job with 404", async () => {
    for (const [query, at] of [
      ["runs=0", "runs"],
      ["runs=100001", "runs"],
      ["asOf=yesterday", "asOf"],
      ["rounds=3", "rounds"],
      ["runs=30000", "runs"],
    ]) {
      const response = await http(`/api/packs/sybiha-visit-2025/backtest?${query}`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: string; issues: Array<{ path: string }> }
      expect(body.issues.map((i) => i.path)).toContain(at)
      if (query === "runs=30000") expect(body.error).toBe("WorkCeilingExceeded")
    }
    // Refused before any job was queued.
    const jobs = (await (await http("/api/jobs")).json()) as { counts: Record<string, number> }
    expect(jobs.counts.failed ?? 0).toBe(0)
    expect((await http("/api/backtest/00000000-0000-4000-8000-000000000000")).status).toBe(404)
    expect((await http("/api/backtest/not-a-job")).status).toBe(400)
  })
})

/** A one-round game whose debrief is a job on the server (and direct on `direct`). */
const play = async (fetchOf: (path: string, init?: RequestInit) => Promise<Response>) => {
  const api = exerciseClient(fetchOf)
  const ex = await api.create({ rounds: 2, runs: 100, seed: 7 })
  const japan = await api.join(ex.id, ex.joinCodes.japan, "Tokyo")
  const offer = { type: "offer-aid", sector: "energy", amountUsdM: 400, form: "grant", title: "Grid" }
  expect((await api.move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })).status).toBe(201)
  expect((await api.close(ex.id, ex.facilitatorToken)).status).toBe(200)
  return { api, ex, japan }
}

/** A debrief without what differs between two games played alike: the exercise's id and the hash covering it. */
const comparable = (text: string) => {
  const { hash: _hash, exercise, ...rest } = JSON.parse(text) as { hash: string; exercise: { id: string } }
  const { id: _id, ...more } = exercise
  return { ...rest, exercise: more }
}

describe("debriefs as jobs (SQLite file, real HTTP)", () => {
  it("answer 202 to the facilitator only, then the debrief the direct path gives for the same game", async () => {
    const { api, ex, japan } = await play(http)
    const auth = { authorization: `Bearer ${ex.facilitatorToken}` }
    expect((await api.get(`/api/exercises/${ex.id}/debrief`, japan.token)).status).toBe(403)
    const first = await api.get(`/api/exercises/${ex.id}/debrief?format=json`, ex.facilitatorToken)
    expect(first.status).toBe(202)
    const started = (await first.json()) as Started
    expect(started.statusUrl).toMatch(new RegExp(`^/api/exercises/[^/]+/debrief/${started.id}$`))
    // The job's status and events are the facilitator's too.
    expect((await api.get(started.statusUrl, japan.token)).status).toBe(403)
    expect((await http(started.statusUrl)).status).toBe(401)
    // Another exercise's facilitator does not find it under theirs.
    const stranger = await api.create({ runs: 100 })
    const elsewhere = started.statusUrl.replace(ex.id, stranger.id)
    expect(elsewhere).not.toBe(started.statusUrl)
    expect((await api.get(elsewhere, stranger.facilitatorToken)).status).toBe(404)
    const { last, result } = await finished(started, auth)
    expect(last).toBe("completed")
    expect(result.status).toBe(200)
    const text = await result.text()
    const other = await play((p, init) => Promise.resolve(direct.app.request(p, init)))
    const expected = await other.api.get(`/api/exercises/${other.ex.id}/debrief`, other.ex.facilitatorToken)
    expect(expected.status).toBe(200)
    expect(comparable(text)).toEqual(comparable(await expected.text()))
    // Stored: asked again, the job's bytes at once; another format renders them.
    const again = await api.get(`/api/exercises/${ex.id}/debrief?format=json`, ex.facilitatorToken)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(text)
    const md = await http(`${started.statusUrl}?format=md`, { headers: auth })
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/)
    const bad = await http(`${started.statusUrl}?format=pdf`, { headers: auth })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("format")
  }, 60_000)
})
