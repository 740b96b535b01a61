/**
 * Where `simulate` allocates: the inspector's sampling heap profiler (objects collected by minor and major
 * collections included) around simulations of the default pack, after warm-up. Bundle it as
 * `simulate-best-cpu.ts` and run it under plain node:
 *
 *   npx esbuild packages/engine/bench/allocation-profile.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/allocation-profile.mjs && node /tmp/allocation-profile.mjs 100000 1
 *
 * Arguments: runs (default 100,000) and profiled simulations (default 1). Prints JSON: MB sampled per
 * simulation, and the top allocating functions (self, with their script line).
 */
import { Session } from "node:inspector/promises"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { simulate } from "../src/simulate.js"

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly lineNumber: number }
  readonly selfSize: number
  readonly children: ReadonlyArray<ProfileNode>
}

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")
const runs = Number(process.argv[2] ?? 100_000)
const profiled = Number(process.argv[3] ?? 1)
const spec = Either.getOrThrow(
  decodeScenarioSpec({ pack: pack.id, runs, seed: 1, horizonMonths: 24 }, packCatalog),
)
const warm = Either.getOrThrow(
  decodeScenarioSpec({ pack: pack.id, runs: 1000, seed: 2, horizonMonths: 24 }, packCatalog),
)
for (let i = 0; i < 20; i++) simulate(pack, warm)

const bySelf = new Map<string, number>()
const walk = (node: ProfileNode): void => {
  const name = `${node.callFrame.functionName || "(anonymous)"}:${node.callFrame.lineNumber + 1}`
  bySelf.set(name, (bySelf.get(name) ?? 0) + node.selfSize)
  for (const child of node.children) walk(child)
}

const session = new Session()
session.connect()
await session.post("HeapProfiler.enable")
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 4096,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
})
let hash = ""
for (let i = 0; i < profiled; i++) hash = simulate(pack, spec).hash
const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as {
  profile: { head: ProfileNode }
}
walk(profile.head)
const mb = (bytes: number) => Number((bytes / profiled / 1e6).toFixed(1))
const total = [...bySelf.values()].reduce((a, b) => a + b, 0)
console.log(
  JSON.stringify({
    runs,
    hash: hash.slice(0, 12),
    sampledMbPerSimulation: mb(total),
    top: [...bySelf.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, bytes]) => ({ name, mb: mb(bytes) })),
  }),
)
