import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { silentLogger } from "../src/http/request-log.js"
import { type ServerHandle, startServer } from "../src/server.js"
import { exerciseClient, readFrames, type SseFrame } from "./exercise-client.js"

const url = process.env.ACCORD_TEST_PG_URL
if (!url) console.warn("\n*** SKIPPED: PostgreSQL tests (ACCORD_TEST_PG_URL not set) ***\n")

const schema = `exercises_e2e_${randomBytes(4).toString("hex")}`
const dropSchema = () =>
  execFileSync("psql", [url as string, "-qc", `DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`], {
    env: { ...process.env, PGOPTIONS: "--client-min-messages=warning" },
  })

const MOVES_PER_TEAM = 10

describe.skipIf(!url)("an exercise played through two API instances on one PostgreSQL database", () => {
  let a: ServerHandle
  let b: ServerHandle
  beforeAll(async () => {
    const options = {
      port: 0,
      hostname: "127.0.0.1",
      databaseUrl: url as string,
      databaseSchema: schema,
      logger: silentLogger,
    }
    a = await startServer(options)
    b = await startServer(options)
  }, 60_000)
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    dropSchema()
  })

  it("loses no move and duplicates none, and both streams carry every event once, in order", async () => {
    const viaA = exerciseClient((path, init) => fetch(`${a.url}${path}`, init))
    const viaB = exerciseClient((path, init) => fetch(`${b.url}${path}`, init))
    const ex = await viaA.create({ rounds: 2, budgets: {} })
    const japan = await viaB.join(ex.id, ex.joinCodes.japan, "Tokyo")
    const russia = await viaA.join(ex.id, ex.joinCodes.russia, "Moscow")

    // A live stream on each instance, from the first event, before the moves start.
    const streamOn = async (client: typeof viaA) => {
      const response = await client.get(`/api/exercises/${ex.id}/stream?after=0`, ex.facilitatorToken)
      expect(response.status).toBe(200)
      return readFrames(response, (frames) => frames.filter((f) => f.event === "RoundClosed").length === 1)
    }
    const streams = [streamOn(viaA), streamOn(viaB)]

    // Both teams submit at once, each through both instances: the instances race on the stream version.
    const submissions = []
    for (let i = 0; i < MOVES_PER_TEAM; i++) {
      const sanctions = { type: "adopt-sanctions", coverage: 0.05, enforcement: 0.5, label: `Package ${i}` }
      submissions.push(
        (i % 2 === 0 ? viaA : viaB).move(ex.id, japan.token, {
          moveId: `japan-${i}`,
          round: 1,
          move: sanctions,
        }),
      )
      submissions.push(
        (i % 2 === 0 ? viaB : viaA).move(ex.id, russia.token, {
          moveId: `russia-${i}`,
          round: 1,
          move: { type: "counter-measure", measure: i % 2 === 0 ? "evasion" : "rerouting" },
        }),
      )
    }
    // A retry of one move through the other instance changes nothing.
    const refused = await Promise.all(
      (await Promise.all(submissions))
        .filter((r) => r.status !== 201)
        .map(async (r) => `${r.status} ${await r.text()}`),
    )
    expect(refused).toEqual([])
    expect(
      (
        await viaB.move(ex.id, japan.token, {
          moveId: "japan-0",
          round: 1,
          move: { type: "adopt-sanctions", coverage: 0.05, enforcement: 0.5, label: "Package 0" },
        })
      ).status,
    ).toBe(201)

    const closed = await viaB.close(ex.id, ex.facilitatorToken)
    expect(closed.status).toBe(200)
    const applied = ((await closed.json()) as { applied: Array<{ moveId: string }> }).applied.map(
      (a) => a.moveId,
    )
    expect(applied).toHaveLength(2 * MOVES_PER_TEAM)

    const expected = [
      "ExerciseCreated",
      "TeamJoined",
      "TeamJoined",
      ...Array.from({ length: 2 * MOVES_PER_TEAM }, () => "MoveSubmitted"),
      "RoundClosed",
    ]
    for (const frames of (await Promise.all(streams)) as ReadonlyArray<ReadonlyArray<SseFrame>>) {
      expect(frames.map((f) => f.event)).toEqual(expected)
      expect(frames.map((f) => f.id)).toEqual(expected.map((_, i) => i + 1))
      const moveIds = frames.filter((f) => f.event === "MoveSubmitted").map((f) => f.data.moveId as string)
      expect(new Set(moveIds).size).toBe(2 * MOVES_PER_TEAM)
      expect([...moveIds].sort()).toEqual([...applied].sort())
    }

    // Either instance answers the same state.
    const [stateA, stateB] = await Promise.all(
      [viaA, viaB].map(async (client) => {
        const { serverTime, ...state } = (await (
          await client.get(`/api/exercises/${ex.id}`, ex.facilitatorToken)
        ).json()) as { serverTime: number }
        return state
      }),
    )
    expect(stateA).toEqual(stateB)
  }, 60_000)

  it("shares the join rate limit between the instances: 20 attempts an exercise in all, not 20 each", async () => {
    const viaA = exerciseClient((path, init) => fetch(`${a.url}${path}`, init))
    const viaB = exerciseClient((path, init) => fetch(`${b.url}${path}`, init))
    const ex = await viaA.create()
    const statuses: Array<number> = []
    for (let i = 0; i < 22; i++) {
      const client = i % 2 === 0 ? viaA : viaB
      statuses.push(
        (await client.post(`/api/exercises/${ex.id}/teams`, { joinCode: `WRONG-${i}`, name: "X" })).status,
      )
    }
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429])
  }, 60_000)
})
