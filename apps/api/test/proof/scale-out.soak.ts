// Scale-out (soak, not CI): three API instances (own processes) on one PostgreSQL database under the mixed
// load of load.soak.ts, spread round-robin, while an exercise is played with its moves sent through all
// three and a live stream open on each. No acknowledged write lost, none duplicated; every instance's live
// stream carries every event exactly once, in order; every instance reads the same scenario streams.
import { loadavg } from "node:os"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadTable, runMixedLoad } from "../../../../scripts/soak/mixed-load.js"
import { type PrivatePostgres, startPrivatePostgres } from "../../../../scripts/soak/private-postgres.js"
import { exerciseClient, readFrames, type SseFrame } from "../exercise-client.js"
import { type ServiceProcess, startServiceProcess } from "../service-process.js"

const connections = Number(process.env.ACCORD_SOAK_CONNECTIONS ?? 32)
const seconds = Number(process.env.ACCORD_SOAK_SECONDS ?? 30)
const MOVES = 36

let pg: PrivatePostgres
let instances: Array<ServiceProcess> = []
beforeAll(async () => {
  pg = await startPrivatePostgres()
  // One at a time: the first one runs the migrations.
  for (let i = 0; i < 3; i++)
    instances.push(await startServiceProcess({ DATABASE_URL: pg.url }, { keepLogs: false }))
})
afterAll(async () => {
  await Promise.all(instances.map((s) => s.kill()))
  instances = []
  pg?.remove()
})

/** Plays an exercise with its moves spread over every instance; answers the accepted move ids and the streams. */
const playExercise = async (urls: ReadonlyArray<string>) => {
  const clients = urls.map((url) => exerciseClient((path, init) => fetch(`${url}${path}`, init)))
  const [a, b, c] = clients as [
    ReturnType<typeof exerciseClient>,
    ReturnType<typeof exerciseClient>,
    ReturnType<typeof exerciseClient>,
  ]
  const ex = await a.create({ rounds: 2 })
  const russia = await b.join(ex.id, ex.joinCodes.russia, "Moscow")
  const japan = await c.join(ex.id, ex.joinCodes.japan, "Tokyo")
  const streams = clients.map(async (client) => {
    const response = await client.get(`/api/exercises/${ex.id}/stream?after=0`, ex.facilitatorToken)
    expect(response.status).toBe(200)
    return readFrames(response, (frames) => frames.some((f) => f.event === "RoundClosed"))
  })
  const accepted: Array<string> = []
  const refused: Array<string> = []
  await Promise.all(
    Array.from({ length: MOVES }, async (_, i) => {
      const client = clients[i % clients.length] as ReturnType<typeof exerciseClient>
      const japanese = i % 4 === 0
      const moveId = `${japanese ? "japan" : "russia"}-${i}`
      const response = await client.move(ex.id, japanese ? japan.token : russia.token, {
        moveId,
        round: 1,
        move: japanese
          ? { type: "adopt-sanctions", coverage: 0.02, enforcement: 0.5, label: `Package ${i}` }
          : { type: "counter-measure", measure: i % 2 === 0 ? "evasion" : "rerouting" },
      })
      ;(response.status === 201 ? accepted : refused).push(`${moveId} ${response.status}`)
      // A retry through the next instance must change nothing.
      if (response.status === 201 && i % 5 === 0) {
        const retry = await (clients[(i + 1) % clients.length] as typeof client).move(
          ex.id,
          japanese ? japan.token : russia.token,
          {
            moveId,
            round: 1,
            move: japanese
              ? { type: "adopt-sanctions", coverage: 0.02, enforcement: 0.5, label: `Package ${i}` }
              : { type: "counter-measure", measure: i % 2 === 0 ? "evasion" : "rerouting" },
          },
        )
        expect(retry.status).toBe(201)
      }
    }),
  )
  const closed = await a.close(ex.id, ex.facilitatorToken)
  expect(closed.status).toBe(200)
  return {
    accepted: accepted.map((s) => s.split(" ")[0] as string),
    refused,
    frames: (await Promise.all(streams)) as ReadonlyArray<ReadonlyArray<SseFrame>>,
  }
}

describe("three instances on one PostgreSQL database", () => {
  it("lose no write and duplicate none under load; every live stream is complete", async () => {
    const urls = instances.map((s) => s.url)
    const cpuBefore = instances.map((s) => s.cpuSeconds())
    const [load, game] = await Promise.all([runMixedLoad({ urls, connections, seconds }), playExercise(urls)])
    const serviceCpu = instances.map((s, i) => Math.round((s.cpuSeconds() - (cpuBefore[i] ?? 0)) * 10) / 10)
    console.log(
      `\nscale-out, 3 instances, PostgreSQL, ${connections} connections, ${load.seconds.toFixed(1)} s (load average ${loadavg()[0]?.toFixed(1)}; CPU-s per instance ${serviceCpu.join(", ")})\n${loadTable(load)}\n`,
    )
    console.log(
      `exercise: ${game.accepted.length} moves accepted, ${game.refused.length} refused (${game.refused.slice(0, 3).join(", ")})`,
    )
    console.log(
      `SOAK_JSON ${JSON.stringify({ suite: "scale-out", ...load, acked: load.acked.length, moves: game.accepted.length })}`,
    )
    expect(load.failures).toEqual([])
    expect(game.accepted.length).toBeGreaterThan(0)

    // Every instance's live stream: every event once, ids 1..n, every accepted move exactly once.
    for (const frames of game.frames) {
      expect(frames.map((f) => f.id)).toEqual(frames.map((_, i) => i + 1))
      const moveIds = frames.filter((f) => f.event === "MoveSubmitted").map((f) => String(f.data.moveId))
      expect([...moveIds].sort()).toEqual([...game.accepted].sort())
    }
    expect(game.frames[1]?.map((f) => f.event)).toEqual(game.frames[0]?.map((f) => f.event))
    expect(game.frames[2]?.map((f) => f.event)).toEqual(game.frames[0]?.map((f) => f.event))

    // Every acknowledged scenario write, read through every instance: the same stream, versions 1..n.
    const highest = new Map<string, number>()
    for (const { scenarioId, version } of load.acked)
      highest.set(scenarioId, Math.max(version, highest.get(scenarioId) ?? 0))
    for (const [id, acked] of highest) {
      const logs = await Promise.all(
        urls.map(
          async (url) =>
            (await (await fetch(`${url}/api/scenarios/${id}/events`)).json()) as Array<{
              version: number
              type: string
            }>,
        ),
      )
      for (const log of logs) {
        expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1))
        expect(log.length).toBeGreaterThanOrEqual(acked)
        expect(log).toEqual(logs[0])
      }
    }
    for (const instance of instances) expect(instance.errors).toEqual([])
  })
})
