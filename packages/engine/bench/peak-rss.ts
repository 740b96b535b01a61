/**
 * Simulates the default spec at 100,000 runs and prints the process's RSS before and its peak after, in
 * bytes, as JSON. The engine benchmark bundles this file and runs it under plain node (no tsx in memory).
 */
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { simulate } from "../src/simulate.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")
const spec = Either.getOrThrow(
  decodeScenarioSpec({ pack: pack.id, runs: 100_000, seed: 1, horizonMonths: 24 }, packCatalog),
)
const before = process.memoryUsage().rss
const report = simulate(pack, spec)
if (report.runs !== 100_000) throw new Error("expected 100,000 runs")
console.log(JSON.stringify({ before, peak: process.resourceUsage().maxRSS * 1024 }))
