// Faults (soak, not CI). The service in its own process is SIGKILLed during scenario and exercise writes
// and restarted, 20 times, on SQLite and on PostgreSQL: every acknowledged write is there after, every
// stream is whole (versions 1..n). Then PostgreSQL is stopped under the running service: requests answer
// 503 while it is down and succeed again once it is back, without a restart of the service.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  emptyAcks,
  exerciseWriter,
  missingWrites,
  scenarioWriter,
} from "../../../../scripts/soak/acked-writers.js"
import { type PrivatePostgres, startPrivatePostgres } from "../../../../scripts/soak/private-postgres.js"
import { startServiceProcess } from "../service-process.js"

const KILLS = Number(process.env.ACCORD_SOAK_KILLS ?? 20)

// A seeded generator, so that the kill times of a failing run can be replayed.
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Kills the service KILLS times during writes; after each restart, looks for every acknowledged write. */
const killAndCheck = async (env: Readonly<Record<string, string>>, seed: number) => {
  const random = lcg(seed)
  const acks = emptyAcks()
  const log: Array<string> = []
  for (let run = 0; run < KILLS; run++) {
    const service = await startServiceProcess(env, { keepLogs: false })
    const before = await missingWrites(service.url, acks)
    expect(before, `after restart ${run}`).toEqual([])
    let firstAck: () => void = () => {}
    const acked = new Promise<void>((resolve) => {
      firstAck = resolve
    })
    const writers = [
      scenarioWriter(service.url, acks, firstAck),
      scenarioWriter(service.url, acks, firstAck),
      scenarioWriter(service.url, acks, firstAck),
      exerciseWriter(service.url, acks, run, firstAck),
    ]
    await acked
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(random() * 2500)))
    await service.kill()
    const endings = await Promise.all(writers)
    log.push(`kill ${run}: writers ended with ${[...new Set(endings)].join(" / ").slice(0, 160)}`)
    expect(service.errors, `error logs before kill ${run}`).toEqual([])
  }
  const last = await startServiceProcess(env, { keepLogs: false })
  try {
    expect(await missingWrites(last.url, acks)).toEqual([])
  } finally {
    await last.kill()
  }
  const moves = [...acks.exercises.values()].reduce((n, e) => n + e.moves.length, 0)
  const appends = [...acks.scenarios.values()].reduce((n, v) => n + v, 0)
  return { log, scenarios: acks.scenarios.size, appends, exercises: acks.exercises.size, moves }
}

describe("SIGKILL during writes, 20 times", () => {
  it("SQLite: every acknowledged scenario write and exercise move survives", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accord-kill-"))
    try {
      const outcome = await killAndCheck({ DATA_DIR: dataDir }, 9)
      console.log(`SOAK_JSON ${JSON.stringify({ suite: "kill-sqlite", ...outcome, log: undefined })}`)
      console.log(outcome.log.join("\n"))
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it("PostgreSQL: every acknowledged scenario write and exercise move survives", async () => {
    const pg = await startPrivatePostgres()
    try {
      const outcome = await killAndCheck({ DATABASE_URL: pg.url }, 11)
      console.log(`SOAK_JSON ${JSON.stringify({ suite: "kill-postgres", ...outcome, log: undefined })}`)
      console.log(outcome.log.join("\n"))
    } finally {
      pg.remove()
    }
  })
})

describe("PostgreSQL stopped and started under the running service", () => {
  let pg: PrivatePostgres
  beforeAll(async () => {
    pg = await startPrivatePostgres()
  })
  afterAll(() => pg?.remove())

  it("answers 503 while the database is down, and serves again once it is back, without a restart", async () => {
    const service = await startServiceProcess({ DATABASE_URL: pg.url }, { keepLogs: false })
    try {
      const create = () =>
        fetch(`${service.url}/api/scenarios`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ pack: "sybiha-visit-2025" }),
          signal: AbortSignal.timeout(30_000),
        })
      const before = await create()
      expect(before.status).toBe(201)
      const { id } = (await before.json()) as { id: string }

      pg.stop()
      const whileDown: Array<{ what: string; status: number; ms: number; body: string }> = []
      for (const [what, request] of [
        ["POST /api/scenarios", create],
        [
          "GET /api/health",
          () => fetch(`${service.url}/api/health`, { signal: AbortSignal.timeout(30_000) }),
        ],
        [
          "GET /api/scenarios/:id",
          () => fetch(`${service.url}/api/scenarios/${id}`, { signal: AbortSignal.timeout(30_000) }),
        ],
      ] as const) {
        const started = performance.now()
        const response = await request()
        whileDown.push({
          what,
          status: response.status,
          ms: Math.round(performance.now() - started),
          body: await response.text(),
        })
      }
      console.log(
        `while PostgreSQL is down:\n${whileDown.map((d) => `${d.what} → ${d.status} in ${d.ms} ms ${d.body.slice(0, 160)}`).join("\n")}`,
      )
      for (const answer of whileDown) {
        expect(answer.status, answer.what).toBe(503)
        expect(Object.keys(JSON.parse(answer.body) as object).sort()).toEqual(["error", "issues", "message"])
      }

      pg.start()
      const back = performance.now()
      let recovered: Response | undefined
      for (let attempt = 0; attempt < 60 && recovered?.status !== 201; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500))
        recovered = await create()
      }
      const recoveryMs = Math.round(performance.now() - back)
      console.log(`after PostgreSQL restarts: first 201 after ${recoveryMs} ms`)
      console.log(
        `SOAK_JSON ${JSON.stringify({ suite: "postgres-down", whileDown: whileDown.map(({ body: _b, ...rest }) => rest), recoveryMs })}`,
      )
      expect(recovered?.status).toBe(201)
      expect((await fetch(`${service.url}/api/health`)).status).toBe(200)
      expect((await fetch(`${service.url}/api/scenarios/${id}`)).status).toBe(200)
      expect(service.child.exitCode).toBeNull()
    } finally {
      await service.kill()
    }
  })
})
