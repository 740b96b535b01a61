import { getPack, type ScenarioSpec } from "@accord/domain"
import { ComparisonMismatch, PackIncomplete, RunOutOfRange, SpecDoesNotFitPack } from "@accord/engine"
import { Cause, Effect, Exit, type Layer, Option } from "effect"
import { describe, expect, it } from "vitest"
import { toHttpFailure } from "../src/http/error-table.js"
import { fromWorkerFailure, toWorkerFailure } from "../src/simulation/engine-failure.js"
import { Simulator, SimulatorLive } from "../src/simulation/simulator.js"
import { makeWorkerPool } from "../src/simulation/worker-pool.js"
import { workerScript } from "../src/simulation/worker-script.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("built-in pack missing")

const spec = {
  pack: pack.id,
  runs: 20,
  seed: 7,
  horizonMonths: 12,
  interventions: [],
} as unknown as ScenarioSpec
// Past the domain's decoding (which would refuse it), the engine refuses a commitment its pack lacks.
const unfitting = {
  ...spec,
  interventions: [{ type: "withdraw", commitment: "no-such-commitment", month: 2 }],
} as unknown as ScenarioSpec
const otherSeed = { ...spec, seed: 8 } as ScenarioSpec

const issues = [{ path: "interventions.0.commitment", message: "unknown" }]
const everyEngineError = [
  new PackIncomplete({ pack: "p", message: "a gap", issues }),
  new SpecDoesNotFitPack({ message: "does not fit", issues }),
  new ComparisonMismatch({ message: "cannot pair", issues }),
  new RunOutOfRange({ message: "run 9 of 3", issues }),
]

describe("engine errors cross the worker boundary as themselves", () => {
  it.each(everyEngineError)("$_tag comes back as its own class with its fields and status", (error) => {
    // Through the structured clone a real postMessage does.
    const back = fromWorkerFailure(structuredClone(toWorkerFailure(error)))
    expect(back).toBeInstanceOf(error.constructor)
    expect(back).toEqual(error)
    expect(toHttpFailure(back)).toEqual(toHttpFailure(error))
  })

  it("a real worker thread rejects with the engine's class", { timeout: 60_000 }, async () => {
    const pool = makeWorkerPool(workerScript, 1)
    try {
      const refused = pool.run({ kind: "compare", baseline: spec, variant: otherSeed })
      await expect(refused).rejects.toBeInstanceOf(ComparisonMismatch)
      const chunk = pool.run({ kind: "chunk", spec: unfitting, fromRun: 0, toRun: 5, observations: [] })
      await expect(chunk).rejects.toBeInstanceOf(SpecDoesNotFitPack)
      // Anything else the engine throws stays an error with its text, not a client's fault.
      const bad = pool.run({
        kind: "sample",
        task: { spec, fromRun: 0, toRun: 5, month: 999, indicator: "x" },
      })
      await expect(bad).rejects.toBeInstanceOf(Error)
    } finally {
      await pool.close()
    }
  })
})

describe("an engine refusal answers the same in process and from the pool", () => {
  const pooled = SimulatorLive({ workerThreshold: 0, workers: 1, cachedReports: 0 })
  const inPlace = SimulatorLive({ workerThreshold: Number.MAX_SAFE_INTEGER, cachedReports: 0 })
  // Each answer builds its layer and closes it (and the pool's threads) with its scope.

  const answer = async (
    layer: Layer.Layer<Simulator>,
    use: (s: Simulator["Type"]) => Effect.Effect<unknown, unknown>,
  ) => {
    const exit = await Effect.runPromiseExit(Effect.provide(Effect.flatMap(Simulator, use), layer))
    expect(Exit.isFailure(exit)).toBe(true)
    const failure = Exit.isFailure(exit) ? Cause.failureOption(exit.cause) : Option.none()
    return Option.isSome(failure) ? toHttpFailure(failure.value) : undefined
  }

  it.each([
    ["SpecDoesNotFitPack", (s: Simulator["Type"]) => s.simulate(pack, unfitting)],
    ["ComparisonMismatch", (s: Simulator["Type"]) => s.compare(pack, spec, otherSeed)],
  ] as const)("%s", { timeout: 60_000 }, async (_tag, use) => {
    const [there, here] = await Promise.all([answer(pooled, use), answer(inPlace, use)])
    expect(here?.status).toBe(400)
    expect(there).toEqual(here)
  })
})
