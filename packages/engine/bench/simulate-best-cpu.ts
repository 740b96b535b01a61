/**
 * Best CPU time of `simulate` for the default pack, for before/after pairs on a shared machine: bundle it with
 * esbuild (as the service runs the engine: module constants become `var`s) and run it under plain node,
 * alternately for two commits.
 *
 *   npx esbuild packages/engine/bench/simulate-best-cpu.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/simulate-best-cpu.mjs && node /tmp/simulate-best-cpu.mjs 1000 60
 *
 * Arguments: runs (default 1,000) and repetitions (default 10). Prints JSON: the best CPU ms, the report's
 * hash (prefix) and the process's peak RSS.
 */
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { simulate } from "../src/simulate.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")
const runs = Number(process.argv[2] ?? 1000)
const repetitions = Number(process.argv[3] ?? 10)
const spec = Either.getOrThrow(
  decodeScenarioSpec({ pack: pack.id, runs, seed: 1, horizonMonths: 24 }, packCatalog),
)
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
let best = Number.POSITIVE_INFINITY
let hash = ""
for (let i = 0; i < repetitions; i++) {
  const started = cpuMs()
  hash = simulate(pack, spec).hash
  best = Math.min(best, cpuMs() - started)
}
console.log(
  JSON.stringify({
    runs,
    bestCpuMs: Number(best.toFixed(2)),
    hash: hash.slice(0, 12),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
