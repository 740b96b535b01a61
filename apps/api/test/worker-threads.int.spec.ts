import { decodeScenarioSpec, getPack, type Pack, packCatalog } from "@accord/domain"
import {
  assembleReport,
  canonicalJson,
  localSampler,
  type SimulationChunk,
  simulate,
  sobol,
  splitRuns,
} from "@accord/engine"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { Simulator, SimulatorLive } from "../src/simulation/simulator.js"
import { makeWorkerPool } from "../src/simulation/worker-pool.js"
import { workerScript } from "../src/simulation/worker-script.js"

const pack = getPack("sybiha-visit-2025") as Pack

// The service's own worker threads (its pool and its worker entry), not a copy of them.
describe("reports across the service's worker threads", () => {
  it("are byte-identical to the one-thread report, with transferred typed arrays", {
    timeout: 60_000,
  }, async () => {
    const spec = Either.getOrThrow(
      decodeScenarioSpec(
        {
          pack: pack.id,
          runs: 900,
          seed: 7,
          interventions: [
            { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 },
            { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
            { type: "delay", commitment: "era-loan", months: 6, month: 2 },
          ],
        },
        packCatalog,
      ),
    )
    const pool = makeWorkerPool(workerScript, 2)
    try {
      const chunks = await Promise.all(
        splitRuns(spec.runs, 2).map(([fromRun, toRun]) =>
          pool.run<SimulationChunk>({ kind: "chunk", spec, fromRun, toRun, observations: [] }),
        ),
      )
      expect(chunks.map((c) => c.values instanceof Float32Array)).toEqual([true, true])
      const assembled = assembleReport(pack, spec, chunks)
      const local = simulate(pack, spec)
      expect(canonicalJson(assembled)).toBe(canonicalJson(local))
      expect(assembled.hash).toBe(local.hash)
    } finally {
      await pool.close()
    }
  })
})

describe("a Sobol analysis across the service's worker threads", () => {
  it("is byte-identical on one thread, on two and in place: its rows drawn and its bootstrap run in workers", {
    timeout: 120_000,
  }, async () => {
    const spec = Either.getOrThrow(
      decodeScenarioSpec({ pack: pack.id, runs: 50, seed: 11, horizonMonths: 10 }, packCatalog),
    )
    // 64 rows × 500 resamples × 63 inputs: over the limit above which the indices are computed in a worker.
    const options = { indicator: "funds.disbursed_usd_m", samples: 64 }
    const local = canonicalJson(Effect.runSync(sobol(pack, spec, options, localSampler(pack))))
    for (const workers of [1, 2]) {
      const inPool = Effect.gen(function* () {
        const simulator = yield* Simulator
        return yield* sobol(pack, spec, options, simulator.sampler(pack), simulator.sobolIndices(pack))
      }).pipe(Effect.provide(SimulatorLive({ workerThreshold: 0, workers })))
      expect(canonicalJson(await Effect.runPromise(inPool)), `${workers} threads`).toBe(local)
    }
  })
})
