import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { exerciseStreamId } from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Clock, Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"
import { silentLogger } from "../src/http/request-log.js"
import { apiLayer } from "../src/server.js"
import { exerciseClient, readFrames } from "./exercise-client.js"

// Simulations on the event loop: worker threads take seconds to start under tsx (the pool has its own tests).
const onLoop = { workerThreshold: Number.MAX_SAFE_INTEGER }
const runtime = ManagedRuntime.make(apiLayer(EventStore.memory(), onLoop))
const app = makeApp(runtime, { logger: silentLogger, webDist: "/nonexistent" })
let requests = 0
const socketOf = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000 } } })
const api = exerciseClient((path, init) => {
  requests++
  return Promise.resolve(app.request(path, init, socketOf(`10.2.${requests >> 8}.${requests & 255}`)))
})
const del = (path: string, token?: string) =>
  app.request(path, {
    method: "DELETE",
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  })
afterAll(() => runtime.dispose())

const sanctions = { type: "adopt-sanctions", coverage: 0.3, enforcement: 0.8 }
const offer = { type: "offer-aid", sector: "energy", amountUsdM: 500, form: "grant", title: "Grid repair" }
const project = { type: "propose-project", sector: "energy", amountUsdM: 200, title: "Substations" }
const shock = { type: "delay", commitment: "energy-projects", months: 3 }

const setUp = async (body: Record<string, unknown> = {}) => {
  const ex = await api.create(body)
  const japan = await api.join(ex.id, ex.joinCodes.japan, "Tokyo")
  const ukraine = await api.join(ex.id, ex.joinCodes.ukraine, "Kyiv")
  const observer = await api.join(
    ex.id,
    (ex.joinCodes as Record<string, string>).observer as string,
    "Projector",
  )
  return { ex, japan, ukraine, observer }
}
const view = async (id: string, token: string) =>
  (await (await api.get(`/api/exercises/${id}`, token)).json()) as Record<string, unknown> & {
    moves: Array<Record<string, unknown>>
    closedRounds: Array<unknown>
    items: Array<unknown>
    openRound: number | null
  }
const errorOf = async (response: Response) => [
  response.status,
  ((await response.json()) as { error: string }).error,
]
const adjudicate = (id: string, moveId: string, token: string, body: unknown, query = "") =>
  api.post(`/api/exercises/${id}/moves/${moveId}/adjudication${query}`, body, token)

describe("move ids are scoped per team", () => {
  it("answers a colliding id of another team's hidden move exactly as a free id", async () => {
    const played = await setUp()
    await api.move(played.ex.id, played.japan.token, { moveId: "plan-a", round: 1, move: sanctions })
    const fresh = await setUp()
    const answers = await Promise.all(
      [played, fresh].map(async ({ ex, ukraine }) => {
        const response = await api.move(ex.id, ukraine.token, { moveId: "plan-a", round: 1, move: project })
        const body = (await response.json()) as Record<string, unknown>
        // Only what differs between any two exercises is left out: the team id and the stream version.
        const { teamId, version, ...rest } = body
        return { status: response.status, rest, headers: [...response.headers.keys()].sort() }
      }),
    )
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0]?.status).toBe(201)
    // Ukraine still sees nothing of Japan's move, and both apply under their own team.
    const asUkraine = JSON.stringify(await view(played.ex.id, played.ukraine.token))
    expect(asUkraine).not.toContain("adopt-sanctions")
    const closed = (await (await api.close(played.ex.id, played.ex.facilitatorToken)).json()) as {
      applied: Array<{ teamId: string; moveId: string }>
    }
    expect(closed.applied).toEqual([
      { teamId: played.japan.teamId, moveId: "plan-a" },
      { teamId: played.ukraine.teamId, moveId: "plan-a" },
    ])
  })
})

describe("POST /api/exercises/:id/moves/:moveId/adjudication", () => {
  it("lets only the facilitator rule; the team sees the reason; a rejected move is void at the close", async () => {
    const { ex, japan, ukraine, observer } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "s1", round: 1, move: sanctions })
    const ruling = { decision: "reject", reason: "Japan's cabinet has not agreed it" }
    for (const token of [japan.token, ukraine.token, observer.token])
      expect(await errorOf(await adjudicate(ex.id, "s1", token, ruling))).toEqual([403, "Forbidden"])
    const ruled = await adjudicate(ex.id, "s1", ex.facilitatorToken, ruling)
    expect(ruled.status).toBe(200)
    expect(await ruled.json()).toMatchObject({ moveId: "s1", adjudication: ruling })
    expect((await view(ex.id, japan.token)).moves[0]).toMatchObject({ adjudication: ruling })
    // Another team learns nothing of a ruling on a hidden move.
    expect(JSON.stringify(await view(ex.id, ukraine.token))).not.toContain("cabinet")
    await api.close(ex.id, ex.facilitatorToken)
    expect((await view(ex.id, japan.token)).moves[0]).toMatchObject({
      status: "void",
      reason: "rejected by the facilitator: Japan's cabinet has not agreed it",
    })
  })

  it("amends within the move's schema and type; 400 with paths otherwise, 404 for no such move", async () => {
    const { ex, japan } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })
    const amend = (move: unknown) =>
      adjudicate(ex.id, "o1", ex.facilitatorToken, { decision: "amend", reason: "budget", move })
    const wrongType = await amend(sanctions)
    expect(wrongType.status).toBe(400)
    expect(((await wrongType.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe(
      "move.type",
    )
    const outOfSchema = await amend({ ...offer, amountUsdM: -5 })
    expect(outOfSchema.status).toBe(400)
    expect(((await outOfSchema.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toMatch(
      /^move/,
    )
    expect((await amend({ ...offer, amountUsdM: 200 })).status).toBe(200)
    const own = (await view(ex.id, japan.token)).moves[0]
    expect(own).toMatchObject({ move: { amountUsdM: 200 }, submitted: { amountUsdM: 500 } })
    expect(
      await errorOf(
        await adjudicate(ex.id, "nope", ex.facilitatorToken, { decision: "approve", reason: "x" }),
      ),
    ).toEqual([404, "MoveNotFound"])
  })

  it("with approval required, only approved or amended moves take effect", async () => {
    const { ex, japan, ukraine } = await setUp({ approval: "required" })
    await api.move(ex.id, japan.token, { moveId: "x", round: 1, move: sanctions })
    await api.move(ex.id, ukraine.token, { moveId: "x", round: 1, move: project })
    // Two teams used "x": the facilitator names the team.
    expect(
      await errorOf(await adjudicate(ex.id, "x", ex.facilitatorToken, { decision: "approve", reason: "ok" })),
    ).toEqual([409, "AmbiguousMove"])
    const approved = await adjudicate(
      ex.id,
      "x",
      ex.facilitatorToken,
      { decision: "approve", reason: "ok" },
      `?team=${ukraine.teamId}`,
    )
    expect(approved.status).toBe(200)
    const closed = (await (await api.close(ex.id, ex.facilitatorToken)).json()) as {
      applied: Array<{ teamId: string }>
      voided: Array<{ teamId: string; reason: string }>
    }
    expect(closed.applied).toEqual([{ teamId: ukraine.teamId, moveId: "x" }])
    expect(closed.voided).toEqual([
      {
        teamId: japan.teamId,
        moveId: "x",
        reason: "not approved by the facilitator before the round closed",
      },
    ])
  })
})

describe("observers", () => {
  it("join read-only: no pending move ever, 403 on any move, rounds only once the facilitator reveals them", async () => {
    const { ex, japan, observer } = await setUp()
    expect(observer.role).toBe("observer")
    await api.move(ex.id, japan.token, { moveId: "hidden-plan", round: 1, move: offer })
    expect(
      await errorOf(await api.move(ex.id, observer.token, { moveId: "o", round: 1, move: shock })),
    ).toEqual([403, "Forbidden"])
    const during = await view(ex.id, observer.token)
    expect([during.moves, during.closedRounds, during.brief]).toEqual([
      [],
      [],
      expect.objectContaining({ title: "Observer" }),
    ])
    expect(JSON.stringify(during)).not.toMatch(/hidden-plan|offer-aid|tokenHash/)
    const stream = await api.get(`/api/exercises/${ex.id}/stream?after=0`, observer.token)
    await api.close(ex.id, ex.facilitatorToken)
    expect((await view(ex.id, observer.token)).closedRounds).toEqual([])
    expect(
      await errorOf(await api.post(`/api/exercises/${ex.id}/reveal`, { round: 1 }, japan.token)),
    ).toEqual([403, "Forbidden"])
    expect((await api.post(`/api/exercises/${ex.id}/reveal`, { round: 2 }, ex.facilitatorToken)).status).toBe(
      400,
    )
    expect((await api.post(`/api/exercises/${ex.id}/reveal`, { round: 1 }, ex.facilitatorToken)).status).toBe(
      200,
    )
    const after = await view(ex.id, observer.token)
    expect([after.moves.length, after.closedRounds.length, after.items.length]).toEqual([1, 1, 1])
    // The observer's feed never carried the pending move, and showed the round once revealed.
    const frames = await readFrames(stream, (f) => f.some((x) => x.event === "RoundRevealed"))
    expect(frames.map((f) => f.event)).not.toContain("MoveSubmitted")
    expect(JSON.stringify(frames.filter((f) => f.event !== "RoundRevealed"))).not.toContain("hidden-plan")
  })
})

describe("round clock", () => {
  it("starts with the round length, pauses and resumes for the facilitator only, and shows on every view", async () => {
    const { ex, japan, observer } = await setUp({ clock: { seconds: 600 } })
    const clock = (action: string, token = ex.facilitatorToken) =>
      api.post(`/api/exercises/${ex.id}/clock`, { action }, token)
    expect(await errorOf(await clock("resume"))).toEqual([409, "ClockNotStarted"])
    expect(await errorOf(await clock("start", japan.token))).toEqual([403, "Forbidden"])
    const started = (await (await clock("start")).json()) as {
      roundClock: { remainingMs: number; running: boolean }
    }
    expect(started.roundClock).toMatchObject({ round: 1, running: true, remainingMs: 600_000 })
    const paused = (await (await clock("pause")).json()) as {
      roundClock: { remainingMs: number; running: boolean }
    }
    expect(paused.roundClock.running).toBe(false)
    expect(paused.roundClock.remainingMs).toBeLessThanOrEqual(600_000)
    for (const token of [japan.token, observer.token]) {
      const seen = await view(ex.id, token)
      expect(seen.roundClock).toEqual(paused.roundClock)
      expect(seen.clock).toEqual({ seconds: 600 })
      expect(typeof seen.serverTime).toBe("number")
    }
    expect(
      ((await (await clock("resume")).json()) as { roundClock: { running: boolean } }).roundClock.running,
    ).toBe(true)
  })

  it("closes the round on the first read after the deadline only when auto-close was chosen", async () => {
    const expire = async (id: string) => {
      // The clock started 31 s ago with 30 s on it: written as the clock route would have written it.
      await runtime.runPromise(
        Effect.gen(function* () {
          const store = yield* EventStore
          const now = yield* Clock.currentTimeMillis
          const version = yield* store.streamVersion(exerciseStreamId(id))
          yield* store.append(exerciseStreamId(id), version, [
            {
              eventId: randomUUID(),
              type: "RoundClockSet",
              v: 1,
              data: {
                _tag: "RoundClockSet",
                v: 1,
                round: 1,
                running: true,
                remainingMs: 30_000,
                at: now - 31_000,
              },
            },
          ])
        }),
      )
    }
    const auto = await setUp({ clock: { seconds: 30, autoClose: true } })
    await expire(auto.ex.id)
    const read = await view(auto.ex.id, auto.observer.token)
    expect(read.openRound).toBe(2)
    const manual = await setUp({ clock: { seconds: 30 } })
    await expire(manual.ex.id)
    expect((await view(manual.ex.id, manual.japan.token)).openRound).toBe(1)
  })
})

describe("templates", () => {
  it("saves an exercise's setup, starts clean copies from it, lists and deletes it", async () => {
    const { ex, japan } = await setUp({
      rounds: 2,
      approval: "required",
      budgets: { japan: { usdM: 800 } },
      clock: { seconds: 300 },
    })
    await api.move(ex.id, ex.facilitatorToken, { moveId: "storm", round: 1, move: shock })
    await api.move(ex.id, japan.token, { moveId: "s1", round: 1, move: sanctions })
    expect(
      await errorOf(
        await api.post("/api/exercise-templates", { fromExercise: ex.id, name: "Term 1" }, japan.token),
      ),
    ).toEqual([403, "Forbidden"])
    const saved = await api.post(
      "/api/exercise-templates",
      { fromExercise: ex.id, name: "Term 1" },
      ex.facilitatorToken,
    )
    expect(saved.status).toBe(201)
    const template = (await saved.json()) as { id: string; setup: Record<string, unknown> }
    expect(template.setup).toMatchObject({
      rounds: 2,
      approval: "required",
      budgets: { japan: { usdM: 800 } },
      clock: { seconds: 300 },
      plannedInjections: [{ round: 1, move: shock }],
    })
    expect(JSON.stringify(await (await app.request("/api/exercise-templates")).json())).not.toMatch(/Hash/)

    const copy = await api.create({
      template: template.id,
      name: "Class 5A",
      pack: undefined,
      runs: undefined,
    })
    const copyView = await view(copy.id, copy.facilitatorToken)
    expect(copyView).toMatchObject({
      name: "Class 5A",
      rounds: 2,
      approval: "required",
      moves: [],
      teams: [],
    })
    expect(copyView.plannedInjections).toEqual([{ round: 1, move: shock }])
    expect(copy.joinCodes.japan).not.toBe(ex.joinCodes.japan)
    const mixed = await api.post("/api/exercises", { template: template.id, name: "x", rounds: 3 })
    expect(mixed.status).toBe(400)
    expect(await mixed.json()).toMatchObject({ error: "InvalidInput", issues: [{ path: "rounds" }] })
    const neither = await api.post("/api/exercises", { name: "x" })
    expect(neither.status).toBe(400)
    expect(await neither.json()).toMatchObject({ error: "InvalidInput", issues: [{ path: "pack" }] })
    expect((await api.post("/api/exercises", { template: "missing", name: "x" })).status).toBe(404)

    expect((await del(`/api/exercise-templates/${template.id}`, copy.facilitatorToken)).status).toBe(403)
    expect((await del(`/api/exercise-templates/${template.id}`)).status).toBe(401)
    expect((await del(`/api/exercise-templates/${template.id}`, ex.facilitatorToken)).status).toBe(204)
    expect((await app.request(`/api/exercise-templates/${template.id}`)).status).toBe(404)
  })
})

describe("GET /api/exercises/:id/log", () => {
  it("exports the log with round markers and the outcomes at each close, for the facilitator only", async () => {
    const { ex, japan } = await setUp({ rounds: 2 })
    await api.move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })
    await api.close(ex.id, ex.facilitatorToken)
    expect((await api.get(`/api/exercises/${ex.id}/log`, japan.token)).status).toBe(403)
    const json = (await (
      await api.get(`/api/exercises/${ex.id}/log?format=json`, ex.facilitatorToken)
    ).json()) as {
      entries: Array<{ kind: string; round: number | null; text: string; outcomes?: Array<{ id: string }> }>
    }
    expect(json.entries.filter((e) => e.kind !== "event").map((e) => [e.kind, e.round])).toEqual([
      ["round-start", 1],
      ["round-close", 1],
      ["round-start", 2],
    ])
    const close = json.entries.find((e) => e.kind === "round-close")
    expect(close?.outcomes?.map((o) => o.id)).toContain("sanctions.pressure_index")
    expect(json.entries.some((e) => e.text.includes("Grid repair"))).toBe(true)
    const csv = await api.get(`/api/exercises/${ex.id}/log?format=csv`, ex.facilitatorToken)
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/)
    const lines = (await csv.text()).trim().split("\n")
    expect(lines[0]).toMatch(/^version,recorded_at,round,kind/)
    expect(lines.filter((l) => l.includes("round-close")).length).toBeGreaterThan(5)
    const markdown = await (
      await api.get(`/api/exercises/${ex.id}/log?format=markdown`, ex.facilitatorToken)
    ).text()
    expect(markdown).toMatch(/## Round 1[\s\S]*Tokyo[\s\S]*## Round 2/)
    const everything = JSON.stringify(json) + lines.join() + markdown
    for (const secret of [ex.facilitatorToken, japan.token, ex.joinCodes.japan])
      expect(everything).not.toContain(secret)
    expect((await api.get(`/api/exercises/${ex.id}/log?format=pdf`, ex.facilitatorToken)).status).toBe(400)
  })
})

describe("the join rate limit across instances", () => {
  it("is shared by two instances on one SQLite file: 20 attempts in all, not 20 each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accord-join-limit-"))
    const filename = join(dir, "accord.sqlite")
    const instances = [0, 1].map(() => ManagedRuntime.make(apiLayer(EventStore.sqlite({ filename }), onLoop)))
    try {
      const clients = instances.map((rt) => {
        const one = makeApp(rt, { logger: silentLogger, webDist: "/nonexistent" })
        // Every attempt from its own address: only the per-exercise limit (20 a minute) applies.
        return exerciseClient((path, init) => {
          requests++
          return Promise.resolve(one.request(path, init, socketOf(`10.3.${requests >> 8}.${requests & 255}`)))
        })
      })
      const [a, b] = clients as [ReturnType<typeof exerciseClient>, ReturnType<typeof exerciseClient>]
      const ex = await a.create()
      const statuses: Array<number> = []
      for (let i = 0; i < 22; i++)
        statuses.push(
          (
            await (i % 2 === 0 ? a : b).post(`/api/exercises/${ex.id}/teams`, {
              joinCode: `WRONG-${i}`,
              name: "X",
            })
          ).status,
        )
      expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true)
      expect(statuses.slice(20)).toEqual([429, 429])
    } finally {
      await Promise.all(instances.map((rt) => rt.dispose()))
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
