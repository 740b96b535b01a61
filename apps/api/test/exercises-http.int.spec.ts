import { exerciseStreamId } from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"
import { apiLayer } from "../src/server.js"
import { exerciseClient, readFrames } from "./exercise-client.js"

// The app over a memory store, with a logger that keeps every record so the test can look for secrets in it.
const logged: Array<string> = []
// Simulations on the event loop: worker threads take seconds to start under tsx (the pool has its own tests).
const runtime = ManagedRuntime.make(
  apiLayer(EventStore.memory(), { workerThreshold: Number.MAX_SAFE_INTEGER }),
)
const app = makeApp(runtime, {
  logger: { info: (r) => logged.push(JSON.stringify(r)), error: (r) => logged.push(JSON.stringify(r)) },
  webDist: "/nonexistent",
})
// Each request comes from its own address unless a test pins one, so that the per-address join limit stays out of the way.
const socketOf = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000 } } })
let requests = 0
const api = exerciseClient((path, init) => {
  requests++
  return Promise.resolve(app.request(path, init, socketOf(`10.1.${requests >> 8}.${requests & 255}`)))
})
const clientAt = (address: string) =>
  exerciseClient((path, init) => Promise.resolve(app.request(path, init, socketOf(address))))
afterAll(() => runtime.dispose())

const sanctions = { type: "adopt-sanctions", coverage: 0.3, enforcement: 0.8 }
const offer = { type: "offer-aid", sector: "energy", amountUsdM: 500, form: "grant", title: "Grid repair" }

const setUp = async () => {
  const ex = await api.create()
  const japan = await api.join(ex.id, ex.joinCodes.japan, "Tokyo")
  const ukraine = await api.join(ex.id, ex.joinCodes.ukraine.toLowerCase().replace("-", " "), "Kyiv")
  const russia = await api.join(ex.id, ex.joinCodes.russia, "Moscow")
  return { ex, japan, ukraine, russia }
}

describe("POST /api/exercises", () => {
  it("creates an exercise: 201 with the id, a 256-bit facilitator token and a join code per role", async () => {
    const ex = await api.create()
    expect(ex.id).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    expect(ex.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Object.keys(ex.joinCodes).sort()).toEqual(["japan", "observer", "russia", "ukraine"])
    expect(ex.joinCodes.japan).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
  })

  it("rejects an unknown pack, unknown fields and out-of-range rounds with 400 and paths", async () => {
    const bad = await api.post("/api/exercises", { pack: "nope", name: "x" })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual([
      "pack",
    ])
    const extra = await api.post("/api/exercises", {
      pack: "sybiha-visit-2025",
      name: "x",
      rounds: 99,
      colour: "red",
    })
    expect(extra.status).toBe(400)
    const body = (await extra.json()) as { error: string; issues: Array<{ path: string }> }
    expect(body.error).toBe("InvalidInput")
    expect(body.issues.map((i) => i.path).sort()).toEqual(["colour", "rounds"])
  })
})

describe("POST /api/exercises/:id/teams", () => {
  it("joins with a join code (case and separators ignored): 201 with the team, its role and a token", async () => {
    const { japan, ukraine } = await setUp()
    expect(japan.role).toBe("japan")
    expect(ukraine.role).toBe("ukraine")
    expect(japan.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(japan.token).not.toBe(ukraine.token)
  })

  it("brings the same code back to the same seat, from any device, any number of times", async () => {
    const { ex, japan } = await setUp()
    // A second device, with the id read aloud in lower case and without dashes, and no team name.
    const spoken = ex.id.toLowerCase().replaceAll("-", " ")
    const response = await api.post(`/api/exercises/${spoken}/teams`, { joinCode: ex.joinCodes.japan })
    expect(response.status).toBe(201)
    const second = (await response.json()) as { id: string; teamId: string; name: string; token: string }
    expect(second).toMatchObject({
      id: ex.id,
      teamId: japan.teamId,
      role: "japan",
      name: "Tokyo",
      rejoined: true,
    })
    const third = await api.join(ex.id, ex.joinCodes.japan, "Tokyo")
    expect(third.teamId).toBe(japan.teamId)
    expect(new Set([japan.token, second.token, third.token]).size).toBe(3)
    // A move from one device is the seat's: the others see it as their own pending move.
    expect((await api.move(ex.id, second.token, { moveId: "m1", round: 1, move: sanctions })).status).toBe(
      201,
    )
    for (const token of [japan.token, third.token]) {
      const view = (await (await api.get(`/api/exercises/${ex.id}`, token)).json()) as {
        moves: Array<{ hidden: boolean; moveId?: string }>
        teams: Array<{ role: string; devices: number }>
      }
      expect(view.moves).toEqual([expect.objectContaining({ hidden: false, moveId: "m1" })])
      expect(view.teams.find((t) => t.role === "japan")?.devices).toBe(3)
    }
  })

  it("shows the join codes again to the facilitator's token only (any device), never to a team", async () => {
    const { ex, japan } = await setUp()
    const again = await api.get(`/api/exercises/${ex.id.toLowerCase()}/join-codes`, ex.facilitatorToken)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ joinCodes: ex.joinCodes })
    expect((await api.get(`/api/exercises/${ex.id}/join-codes`, japan.token)).status).toBe(403)
    expect((await api.get(`/api/exercises/${ex.id}/join-codes`)).status).toBe(401)
  })

  it("refuses a wrong join code (403) and an unknown exercise (404)", async () => {
    const ex = await api.create()
    const wrong = await api.post(`/api/exercises/${ex.id}/teams`, { joinCode: "AAAAA-AAAAA", name: "X" })
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([
      403,
      "InvalidJoinCode",
    ])
    const missing = await api.post("/api/exercises/nope/teams", { joinCode: ex.joinCodes.japan, name: "X" })
    expect(missing.status).toBe(404)
  })

  it("a join code of one exercise opens nothing in another", async () => {
    const a = await api.create()
    const b = await api.create()
    const cross = await api.post(`/api/exercises/${b.id}/teams`, { joinCode: a.joinCodes.japan, name: "X" })
    expect(cross.status).toBe(403)
  })
})

describe("POST /api/exercises/:id/moves", () => {
  it("records a move (201) and answers a retry with the original answer", async () => {
    const { ex, japan } = await setUp()
    const first = await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: sanctions })
    expect(first.status).toBe(201)
    const body = await first.json()
    expect(body).toMatchObject({ moveId: "m1", round: 1, role: "japan", status: "pending" })
    const retry = await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: sanctions })
    expect(retry.status).toBe(201)
    expect(await retry.json()).toEqual(body)
    const reused = await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: offer })
    expect([reused.status, ((await reused.json()) as { error: string }).error]).toEqual([
      409,
      "MoveIdConflict",
    ])
  })

  it("plays with default budgets per role and round, from the exercise's settings: Russia cannot spend USD 750 m", async () => {
    const { ex, russia, ukraine, japan } = await setUp()
    const view = (await (await api.get(`/api/exercises/${ex.id}`, russia.token)).json()) as {
      budgets: { russia: { usdM: number; moves: number } }
      remaining: { usdM: number; moves: number }
    }
    expect(view.budgets.russia).toEqual({ usdM: 450, moves: 3 })
    expect(view.remaining).toEqual({ usdM: 450, moves: 3 })
    const evade = { type: "counter-measure", measure: "evasion" }
    expect((await api.move(ex.id, russia.token, { moveId: "r1", round: 1, move: evade })).status).toBe(201)
    const over = await api.move(ex.id, russia.token, { moveId: "r2", round: 1, move: evade })
    expect([over.status, ((await over.json()) as { error: string }).error]).toEqual([409, "BudgetExceeded"])
    // Ukraine answers Japan's offer in the round it was made.
    expect((await api.move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })).status).toBe(201)
    const agree = { type: "agree-offer", item: "o1" }
    expect((await api.move(ex.id, ukraine.token, { moveId: "a1", round: 1, move: agree })).status).toBe(201)
  })

  it("refuses a move outside the role with 403", async () => {
    const { ex, russia, ukraine } = await setUp()
    const response = await api.move(ex.id, russia.token, { moveId: "r1", round: 1, move: sanctions })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      error: "MoveNotAllowedForRole",
      issues: [{ path: "move.type" }],
    })
    const delay = { type: "delay", commitment: "energy-projects", months: 3 }
    expect((await api.move(ex.id, ukraine.token, { moveId: "u1", round: 1, move: delay })).status).toBe(403)
  })

  it("refuses a move for a closed round (409) and a round not open yet (409)", async () => {
    const { ex, japan } = await setUp()
    expect((await api.close(ex.id, ex.facilitatorToken)).status).toBe(200)
    const late = await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: sanctions })
    expect([late.status, ((await late.json()) as { error: string }).error]).toEqual([
      409,
      "RoundAlreadyClosed",
    ])
    const early = await api.move(ex.id, japan.token, { moveId: "m2", round: 3, move: sanctions })
    expect([early.status, ((await early.json()) as { error: string }).error]).toEqual([409, "RoundNotOpen"])
  })

  it("wants a token of this exercise: none or another exercise's is 401", async () => {
    const { ex } = await setUp()
    const other = await setUp()
    expect(
      (await api.post(`/api/exercises/${ex.id}/moves`, { moveId: "m", round: 1, move: sanctions })).status,
    ).toBe(401)
    const foreign = await api.move(ex.id, other.japan.token, { moveId: "m", round: 1, move: sanctions })
    expect([foreign.status, ((await foreign.json()) as { error: string }).error]).toEqual([
      401,
      "Unauthorized",
    ])
    expect((await api.get(`/api/exercises/${ex.id}`, other.ex.facilitatorToken)).status).toBe(401)
  })

  it("validates the move: 400 with paths for a malformed one, 409 for an offer that does not exist", async () => {
    const { ex, japan, ukraine } = await setUp()
    const bad = await api.move(ex.id, japan.token, {
      moveId: "m",
      round: 1,
      move: { ...sanctions, coverage: 2 },
    })
    expect(bad.status).toBe(400)
    const ghost = await api.move(ex.id, ukraine.token, {
      moveId: "a",
      round: 1,
      move: { type: "agree-offer", item: "nope" },
    })
    expect([ghost.status, ((await ghost.json()) as { error: string }).error]).toEqual([
      409,
      "MoveNotApplicable",
    ])
  })

  it("lets the facilitator inject a grid strike, a stall or a delay through the same route, each typed", async () => {
    const { ex } = await setUp()
    const injections = [
      { type: "grid-strike", mwDestroyed: 800, label: "Strike on the power grid" },
      { type: "stall", commitment: "defense-consultations", label: "Scandal in Tokyo" },
      { type: "delay", commitment: "energy-projects", months: 3, label: "Election in Kyiv" },
    ]
    for (const [i, move] of injections.entries())
      expect((await api.move(ex.id, ex.facilitatorToken, { moveId: `i${i}`, round: 1, move })).status).toBe(
        201,
      )
    // The untyped shock of before is no move a client can send any more.
    const shock = { type: "shock", commitment: "energy-projects", months: 3 }
    const refused = await api.move(ex.id, ex.facilitatorToken, { moveId: "old", round: 1, move: shock })
    expect(refused.status).toBe(400)
    const view = (await (await api.view(ex.id, ex.facilitatorToken)).json()) as {
      moves: Array<{ description: string }>
    }
    expect(view.moves.map((m) => m.description)).toEqual([
      "Strike on the power grid: 800 MW of generating capacity destroyed",
      "Scandal in Tokyo: “Regular defense consultations mechanism” stalls",
      "Election in Kyiv: “Sustainable energy joint projects” stands still for 3 months",
    ])
  })

  it("serves what each move does in the model at GET /api/exercise-moves, one row per move type", async () => {
    const response = await app.request("/api/exercise-moves")
    expect(response.status).toBe(200)
    const { moves } = (await response.json()) as {
      moves: Array<{ move: string; by: string; moves: Array<{ indicator: string; direction: string }> }>
    }
    expect(moves.find((r) => r.move === "grid-strike")).toMatchObject({
      by: "facilitator",
      moves: [{ indicator: "energy.capacity_restored_mw", direction: "down" }],
    })
    expect(moves.map((r) => r.move)).toContain("partner-joins")
  })
})

describe("POST /api/exercises/:id/rounds/close", () => {
  it("closes the round for the facilitator only: 200 with every indicator projected to the horizon", async () => {
    const { ex, japan } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: sanctions })
    expect((await api.close(ex.id, japan.token)).status).toBe(403)
    const response = await api.close(ex.id, ex.facilitatorToken)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      round: number
      month: number
      openRound: number
      applied: Array<{ teamId: string; moveId: string }>
      outcomes: { horizonMonth: number; indicators: Array<{ id: string; p50: number; baselineP50: number }> }
    }
    expect([body.round, body.month, body.openRound, body.applied]).toEqual([
      1,
      3,
      2,
      [{ teamId: japan.teamId, moveId: "m1" }],
    ])
    expect(body.outcomes.horizonMonth).toBe(24)
    const pressure = body.outcomes.indicators.find((i) => i.id === "sanctions.pressure_index")
    expect(pressure?.p50).toBeGreaterThan(pressure?.baselineP50 ?? Number.POSITIVE_INFINITY)
    const twice = await api.close(ex.id, ex.facilitatorToken, { round: 1 })
    expect([twice.status, ((await twice.json()) as { error: string }).error]).toEqual([
      409,
      "RoundAlreadyClosed",
    ])
  })

  it("refuses to close past the last round (409)", async () => {
    const ex = await api.create({ rounds: 1 })
    // No body at all: the open round closes.
    const bare = await app.request(`/api/exercises/${ex.id}/rounds/close`, {
      method: "POST",
      headers: { authorization: `Bearer ${ex.facilitatorToken}` },
    })
    expect(bare.status).toBe(200)
    const after = await api.close(ex.id, ex.facilitatorToken)
    expect([after.status, ((await after.json()) as { error: string }).error]).toEqual([409, "RoundNotOpen"])
  })
})

describe("GET /api/exercises/:id", () => {
  it("shows each team its own pending moves, hides the others' until the round closes", async () => {
    const { ex, japan, russia } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "secret-sanctions", round: 1, move: sanctions })
    const asRussia = await (await api.get(`/api/exercises/${ex.id}`, russia.token)).text()
    expect(asRussia).not.toContain("secret-sanctions")
    expect(asRussia).not.toContain("coverage")
    expect(JSON.parse(asRussia)).toMatchObject({
      openRound: 1,
      you: { actor: "russia" },
      moves: [{ hidden: true, role: "japan", round: 1 }],
      brief: { role: "russia" },
    })
    const asJapan = (await (await api.get(`/api/exercises/${ex.id}`, japan.token)).json()) as {
      moves: Array<unknown>
    }
    expect(asJapan.moves[0]).toMatchObject({ hidden: false, moveId: "secret-sanctions", status: "pending" })
    const asFacilitator = await (await api.get(`/api/exercises/${ex.id}`, ex.facilitatorToken)).json()
    expect(asFacilitator).toMatchObject({ moves: [{ hidden: false, moveId: "secret-sanctions" }] })
    await api.close(ex.id, ex.facilitatorToken)
    const revealed = (await (await api.get(`/api/exercises/${ex.id}`, russia.token)).json()) as {
      moves: Array<unknown>
      closedRounds: Array<{ outcomes: { indicators: Array<unknown> } }>
    }
    expect(revealed.moves[0]).toMatchObject({
      hidden: false,
      moveId: "secret-sanctions",
      status: "applied",
      month: 3,
    })
    expect(revealed.closedRounds[0]?.outcomes.indicators.length).toBeGreaterThan(5)
    expect(JSON.stringify(revealed)).not.toMatch(/tokenHash|joinCodeHashes|facilitatorTokenHash/)
  })

  it("answers 401 without a token and 404 for an unknown exercise", async () => {
    const { ex } = await setUp()
    expect((await api.get(`/api/exercises/${ex.id}`)).status).toBe(401)
    expect((await api.get("/api/exercises/unknown-id", ex.facilitatorToken)).status).toBe(404)
  })
})

describe("GET /api/exercises/:id/debrief", () => {
  it("gives the facilitator the debrief in every format, and no team", async () => {
    const { ex, japan, ukraine } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "offer", round: 1, move: offer })
    await api.close(ex.id, ex.facilitatorToken)
    await api.move(ex.id, ukraine.token, {
      moveId: "agree",
      round: 2,
      move: { type: "agree-offer", item: "offer" },
    })
    await api.close(ex.id, ex.facilitatorToken)
    expect((await api.get(`/api/exercises/${ex.id}/debrief`, japan.token)).status).toBe(403)
    const json = await api.get(`/api/exercises/${ex.id}/debrief?format=json`, ex.facilitatorToken)
    expect(json.headers.get("content-type")).toMatch(/^application\/json/)
    const debrief = (await json.json()) as {
      attribution: Array<{
        moveId: string
        moves: Array<{ moveId: string }>
        effects: Array<{ deltaMean: number }>
      }>
      attributionTotal: Array<{ indicator: string; deltaMean: number }>
      rounds: Array<unknown>
    }
    // The offer and its acceptance are one deal, credited once with the whole of what it did.
    expect(debrief.attribution.map((a) => a.moves.map((m) => m.moveId))).toEqual([["offer", "agree"]])
    expect(debrief.attributionTotal.length).toBeGreaterThan(0)
    expect(debrief.rounds).toHaveLength(2)
    for (const [format, type] of [
      ["markdown", /^text\/markdown/],
      ["html", /^text\/html/],
      ["csv", /^text\/csv/],
    ] as const) {
      const response = await api.get(`/api/exercises/${ex.id}/debrief?format=${format}`, ex.facilitatorToken)
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toMatch(type)
    }
    const asOf = (await (
      await api.get(`/api/exercises/${ex.id}/debrief?round=1`, ex.facilitatorToken)
    ).json()) as {
      exercise: { asOfRound: number }
    }
    expect(asOf.exercise.asOfRound).toBe(1)
    expect((await api.get(`/api/exercises/${ex.id}/debrief?format=pdf`, ex.facilitatorToken)).status).toBe(
      400,
    )
  })
})

describe("GET /api/exercises/:id/stream", () => {
  it("streams joins, moves (others' hidden) and round closes as Server-Sent Events, resumable by version", async () => {
    const { ex, japan, russia } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "secret", round: 1, move: sanctions })
    const response = await api.get(`/api/exercises/${ex.id}/stream?after=0`, russia.token)
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const pending = readFrames(response, (frames) => frames.some((f) => f.event === "RoundClosed"))
    await api.move(ex.id, russia.token, {
      moveId: "evade",
      round: 1,
      move: { type: "counter-measure", measure: "evasion" },
    })
    await api.close(ex.id, ex.facilitatorToken)
    const frames = await pending
    expect(frames.map((f) => f.event)).toEqual([
      "ExerciseCreated",
      "TeamJoined",
      "TeamJoined",
      "TeamJoined",
      "MoveSubmitted",
      "MoveSubmitted",
      "RoundClosed",
    ])
    expect(frames.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(JSON.stringify(frames[4])).not.toContain("secret")
    expect(frames[4]?.data).toMatchObject({ hidden: true, role: "japan" })
    expect(frames[5]?.data).toMatchObject({ hidden: false, moveId: "evade" })
    expect(frames[6]?.data).toMatchObject({
      round: 1,
      openRound: 2,
      moves: [{ moveId: "secret" }, { moveId: "evade" }],
    })
    const resumed = await api.get(`/api/exercises/${ex.id}/stream`, russia.token).then(async (r) => {
      const later = readFrames(r, (f) => f.length > 0)
      await api.move(ex.id, japan.token, { moveId: "later", round: 2, move: sanctions })
      return later
    })
    expect(resumed.map((f) => [f.id, f.event])).toEqual([[8, "MoveSubmitted"]])
  })
})

describe("security", () => {
  it("rate-limits joining per exercise (429 with Retry-After), then per address across exercises", async () => {
    const ex = await api.create()
    const guesser = clientAt("192.0.2.7")
    const attempts = []
    for (let i = 0; i < 21; i++) {
      attempts.push(
        (await guesser.post(`/api/exercises/${ex.id}/teams`, { joinCode: `WRONG-${i}`, name: "X" })).status,
      )
    }
    expect(attempts.slice(0, 20).every((s) => s === 403)).toBe(true)
    const limited = await guesser.post(`/api/exercises/${ex.id}/teams`, {
      joinCode: ex.joinCodes.japan,
      name: "X",
    })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
    // Another exercise, same address: 22 attempts counted above, so the address's limit (30 a minute) allows 8 more.
    const other = await api.create()
    const statuses = []
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await guesser.post(`/api/exercises/${other.id}/teams`, { joinCode: "x", name: "X" })).status,
      )
    expect(statuses.slice(0, 8).every((s) => s === 403)).toBe(true)
    expect(statuses.slice(8)).toEqual([429, 429])
    // Someone else, elsewhere, still joins that other exercise.
    expect(
      (await api.post(`/api/exercises/${other.id}/teams`, { joinCode: other.joinCodes.japan, name: "Tokyo" }))
        .status,
    ).toBe(201)
  })

  it("stores only hashes of tokens and join codes, and never logs them", async () => {
    const { ex, japan } = await setUp()
    await api.move(ex.id, japan.token, { moveId: "m1", round: 1, move: sanctions })
    const stored = await runtime.runPromise(
      Effect.flatMap(EventStore, (store) => store.readStream(exerciseStreamId(ex.id))),
    )
    const raw = JSON.stringify(stored)
    for (const secret of [ex.facilitatorToken, japan.token, ...Object.values(ex.joinCodes)]) {
      expect(raw).not.toContain(secret)
      expect(logged.join("\n")).not.toContain(secret)
    }
    expect(raw).toMatch(/"facilitatorTokenHash":"[0-9a-f]{64}"/)
  })
})

describe("GET /openapi.json", () => {
  it("documents every exercise route", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> }
    expect(
      Object.keys(document.paths)
        .filter((p) => p.startsWith("/api/exercises"))
        .sort(),
    ).toEqual([
      "/api/exercises",
      "/api/exercises/{id}",
      "/api/exercises/{id}/clock",
      "/api/exercises/{id}/debrief",
      "/api/exercises/{id}/debrief/{job}",
      "/api/exercises/{id}/debrief/{job}/events",
      "/api/exercises/{id}/join-codes",
      "/api/exercises/{id}/log",
      "/api/exercises/{id}/moves",
      "/api/exercises/{id}/moves/{moveId}/adjudication",
      "/api/exercises/{id}/reveal",
      "/api/exercises/{id}/rounds/close",
      "/api/exercises/{id}/stream",
      "/api/exercises/{id}/teams",
    ])
  })
})
