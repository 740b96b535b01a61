import { Worker } from "node:worker_threads"
import { describe, expect, it } from "vitest"
import { canonicalJson } from "../src/canonical-json.js"
import { simulate } from "../src/simulate.js"
import { assembleReport, type SimulationChunk, splitRuns } from "../src/simulation-chunk.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

const runInWorker = (spec: unknown, fromRun: number, toRun: number): Promise<SimulationChunk> =>
  new Promise((resolve, reject) => {
    // Workers load TypeScript through tsx. On Node 20, `execArgv: ["--import", "tsx"]` does not reach a
    // worker's module loader ("Unknown file extension .ts"), so a .mjs entry registers tsx itself.
    const worker = new Worker(new URL("./simulation-worker.mjs", import.meta.url), {
      workerData: { spec, fromRun, toRun },
    })
    worker.once("message", (chunk: SimulationChunk) => {
      resolve(chunk)
      void worker.terminate()
    })
    worker.once("error", reject)
  })

describe("reports across worker threads", () => {
  it("are byte-identical to the one-thread report, with transferred typed arrays", async () => {
    const spec = decodeSpec({
      pack: pack.id,
      runs: 900,
      seed: 7,
      interventions: [
        { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 },
        { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
        { type: "delay", commitment: "era-loan", months: 6, month: 2 },
      ],
    })
    const chunks = await Promise.all(splitRuns(spec.runs, 2).map(([from, to]) => runInWorker(spec, from, to)))
    expect(chunks.map((c) => c.values instanceof Float32Array)).toEqual([true, true])
    const assembled = assembleReport(pack, spec, chunks)
    const local = simulate(pack, spec)
    expect(canonicalJson(assembled)).toBe(canonicalJson(local))
    expect(assembled.hash).toBe(local.hash)
  }, 60_000)
})
