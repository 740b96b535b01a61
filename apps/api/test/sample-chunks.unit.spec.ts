import { ScenarioSpec } from "@accord/domain"
import { localSampler, renderSensitivity, type Sampler, type SampleTask, sobol } from "@accord/engine"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decodeSamples, encodeSamples, sampleChunks, sampleWork } from "../src/jobs/sample-chunks.js"
import { packById } from "../src/packs/pack-lookup.js"

const pack = packById("sybiha-visit-2025")
const spec = Schema.decodeUnknownSync(ScenarioSpec)({ pack: pack.id, runs: 50, seed: 5, horizonMonths: 12 })
const options = { indicator: "funds.disbursed_usd_m", samples: 300, resamples: 50 }

/**
 * The sampler a chunked Sobol job amounts to: the tasks in chunks, each chunk's tasks as the JSON a chunk job
 * carries, sampled on their own, stored as bytes, read back and merged in chunk order.
 */
const chunkedSampler =
  (chunkWork: number, seen: Array<number>): Sampler =>
  (tasks) =>
    Effect.gen(function* () {
      const chunks = sampleChunks(pack, tasks, chunkWork)
      seen.push(chunks.length)
      const stored = yield* Effect.forEach(chunks, (chunk) => {
        const carried = JSON.parse(JSON.stringify(tasks.slice(chunk.fromTask, chunk.toTask))) as SampleTask[]
        return Effect.map(localSampler(pack)(carried), encodeSamples)
      })
      const values = yield* Effect.forEach(chunks, (chunk, i) =>
        decodeSamples(tasks.slice(chunk.fromTask, chunk.toTask), stored[i] as Buffer),
      )
      return values.flat()
    })

describe("a Sobol analysis's sample tasks in chunks", () => {
  it("cover every task once, in order, each chunk within the work asked for unless one task exceeds it", () => {
    const tasks: Array<SampleTask> = []
    const recording: Sampler = (t) => {
      tasks.push(...t)
      return localSampler(pack)(t)
    }
    Effect.runSync(sobol(pack, spec, { ...options, samples: 64 }, recording))
    const taskWork = sampleWork(pack, [tasks[0] as SampleTask])
    for (const chunkWork of [1, taskWork, 3.5 * taskWork, sampleWork(pack, tasks)]) {
      const chunks = sampleChunks(pack, tasks, chunkWork)
      expect(chunks[0]).toMatchObject({ fromRun: 0, fromTask: 0 })
      expect(chunks.at(-1)).toMatchObject({ toTask: tasks.length, toRun: tasks.length * 64 })
      chunks.forEach((chunk, i) => {
        const next = chunks[i + 1]
        if (next !== undefined) expect([next.fromTask, next.fromRun]).toEqual([chunk.toTask, chunk.toRun])
        const work = sampleWork(pack, tasks.slice(chunk.fromTask, chunk.toTask))
        if (chunk.toTask - chunk.fromTask > 1) expect(work).toBeLessThanOrEqual(chunkWork)
      })
    }
    expect(sampleChunks(pack, tasks, 1)).toHaveLength(tasks.length)
    expect(sampleChunks(pack, tasks, sampleWork(pack, tasks))).toHaveLength(1)
  })

  it("gives the same bytes as one process sampling every task", () => {
    const whole = renderSensitivity(Effect.runSync(sobol(pack, spec, options, localSampler(pack))), "json")
    const seen: Array<number> = []
    // About three tasks (one matrix each at this N) in a chunk.
    const chunkWork = 3 * options.samples * (spec.horizonMonths + 1) * pack.commitments.length
    const chunked = Effect.runSync(sobol(pack, spec, options, chunkedSampler(chunkWork, seen)))
    expect(seen[0]).toBeGreaterThan(10)
    expect(renderSensitivity(chunked, "json")).toBe(whole)
  }, 30_000)

  it("refuses stored bytes of the wrong length (a defect, not a result)", () => {
    const task = { spec, indicator: options.indicator, month: 3, fromRun: 0, toRun: 4 }
    expect(() => Effect.runSync(decodeSamples([task], Buffer.alloc(24)))).toThrow(/24 bytes, not 32/)
  })
})
