import { afterAll, describe, expect, it } from "vitest"
import { exerciseClient } from "./exercise-client.js"
import { memoryApp } from "./memory-app.js"

// Round closes and debriefs go through the simulator service: to the worker pool above its threshold.
const pooled = memoryApp({ workerThreshold: 0, workers: 2 })
const inPlace = memoryApp({ workerThreshold: Number.MAX_SAFE_INTEGER })
const capped = memoryApp({ workerThreshold: Number.MAX_SAFE_INTEGER, workCeiling: 1_000_000 })
afterAll(async () => {
  await Promise.all([pooled.dispose(), inPlace.dispose(), capped.dispose()])
})

const clientOf = (instance: ReturnType<typeof memoryApp>) =>
  exerciseClient((path, init) => Promise.resolve(instance.app.request(path, init)))

/** The same two-round game on one instance: its round-close answers and its debrief. */
const play = async (instance: ReturnType<typeof memoryApp>) => {
  const api = clientOf(instance)
  const ex = await api.create({ rounds: 2, runs: 200, seed: 11 })
  const japan = await api.join(ex.id, ex.joinCodes.japan, "Tokyo")
  const ukraine = await api.join(ex.id, ex.joinCodes.ukraine, "Kyiv")
  const offer = { type: "offer-aid", sector: "energy", amountUsdM: 400, form: "grant", title: "Grid" }
  await api.move(ex.id, japan.token, { moveId: "o1", round: 1, move: offer })
  type Closed = { applied: Array<{ teamId: string; moveId: string }> }
  const first = (await (await api.close(ex.id, ex.facilitatorToken)).json()) as Closed
  await api.move(ex.id, ukraine.token, { moveId: "a1", round: 2, move: { type: "agree-offer", item: "o1" } })
  const second = (await (await api.close(ex.id, ex.facilitatorToken)).json()) as Closed
  const { hash, ...debrief } = (await (
    await api.get(`/api/exercises/${ex.id}/debrief`, ex.facilitatorToken)
  ).json()) as { exercise: { id: string }; hash: string }
  // Only the exercise's id (random) differs between the two instances, and the hash that covers it.
  const { id, ...exercise } = debrief.exercise
  const strip = (closed: Closed) => ({
    ...closed,
    applied: closed.applied.map((a) => a.moveId),
  })
  return { closes: [strip(first), strip(second)], debrief: { ...debrief, exercise } }
}

describe("round closes and debriefs in the simulator service", () => {
  it("give the same outcomes and the same debrief in the worker pool as on the event loop", {
    timeout: 60_000,
  }, async () => {
    const [a, b] = await Promise.all([play(pooled), play(inPlace)])
    expect(a.closes[1]).toMatchObject({ round: 2, openRound: null })
    expect(a).toEqual(b)
  })

  it("refuse a round close above the work ceiling with 400 and the path", async () => {
    const api = clientOf(capped)
    const ex = await api.create({ runs: 5000 })
    const response = await api.close(ex.id, ex.facilitatorToken)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: string; issues: Array<{ path: string }> }
    expect([body.error, body.issues[0]?.path]).toEqual(["WorkCeilingExceeded", "runs"])
    // Nothing was closed: the round is still open.
    expect(
      (
        (await (await api.get(`/api/exercises/${ex.id}`, ex.facilitatorToken)).json()) as {
          openRound: number
        }
      ).openRound,
    ).toBe(1)
  })
})
