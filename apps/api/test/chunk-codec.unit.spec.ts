import { decodeScenarioSpec, getPack, observationSeedOf, packCatalog } from "@accord/domain"
import { assembleReport, canonicalJson, simulate, simulateChunk, splitRuns } from "@accord/engine"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { decodeChunk, encodeChunk } from "../src/jobs/chunk-codec.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack missing")

describe("chunks as stored bytes", () => {
  it("decode to the same arrays, and assemble to the report of one thread, conditioned or not", async () => {
    const observations = observationSeedOf(pack.id)?.observations ?? []
    expect(observations.length).toBeGreaterThan(0)
    for (const asOf of [undefined, "2026-02-28"]) {
      const spec = Either.getOrThrow(
        decodeScenarioSpec({ pack: pack.id, runs: 500, seed: 3, ...(asOf ? { asOf } : {}) }, packCatalog),
      )
      const chunks = splitRuns(spec.runs, 3).map(([from, to]) =>
        simulateChunk(pack, spec, from, to, observations),
      )
      const stored = await Promise.all(chunks.map(encodeChunk))
      // Deflated: smaller than the float32 values alone.
      for (const [i, bytes] of stored.entries())
        expect(bytes.length).toBeLessThan(chunks[i]?.values.byteLength ?? 0)
      const decoded = await Promise.all(stored.map(decodeChunk))
      expect(decoded).toEqual(chunks)
      expect(decoded.every((c) => (c.logLikelihood !== undefined) === (asOf !== undefined))).toBe(true)
      const report = assembleReport(pack, spec, decoded, observations)
      expect(canonicalJson(report)).toBe(canonicalJson(simulate(pack, spec, observations)))
    }
  }, 60_000)
})
