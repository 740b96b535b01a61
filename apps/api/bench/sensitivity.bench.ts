// `npx tsx apps/api/bench/sensitivity.bench.ts`: sensitivity analysis and goal seeking on the default pack
// through the service's worker pool (one worker per core), beside the single-simulation floor (one
// 1,000-run simulation on one thread) measured in the same run. Budgets (issue 13): tornado over every
// parameter at 1,000 runs per setting ≤ 3 s, Sobol at the recommended N ≤ 30 s, goal seek ≤ 2 s.
import { availableParallelism, cpus } from "node:os"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import {
  goalSeek,
  RECOMMENDED_SOBOL_SAMPLES,
  simulate,
  sobol,
  sobolRuns,
  tornado,
  tornadoRuns,
} from "@accord/engine"
import { Either, ManagedRuntime } from "effect"
import { Simulator, SimulatorLive } from "../src/simulation/simulator.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")
// The default spec plus one lever to move: USD 1 bn for energy in month 6 (examples/energy-grant-1bn.yaml).
const spec = Either.getOrThrow(
  decodeScenarioSpec(
    {
      pack: pack.id,
      interventions: [{ type: "aid-package", month: 6, sector: "energy", amountUsdM: 1000, form: "grant" }],
    },
    packCatalog,
  ),
)
const indicator = "funds.disbursed_usd_m"

const runtime = ManagedRuntime.make(
  SimulatorLive({ workerThreshold: 0, warmWorkers: true, cachedReports: 0 }),
)
const simulator = await runtime.runPromise(Simulator)
const sampler = simulator.sampler(pack)

const wall = async <A>(f: () => Promise<A>) => {
  const t0 = performance.now()
  const value = await f()
  return { ms: performance.now() - t0, value }
}
/** Best of n: the machine is shared, the best run is the one least disturbed. */
const best = async <A>(n: number, f: () => Promise<A>) => {
  let ms = Number.POSITIVE_INFINITY
  let value: A | undefined
  for (let i = 0; i < n; i++) {
    const m = await wall(f)
    if (m.ms < ms) ({ ms, value } = m)
  }
  return { ms, value: value as A }
}

// Workers start (and tsx compiles the engine in each) before anything is timed.
await runtime.runPromise(tornado(pack, { ...spec, runs: 20 }, { indicator }, sampler))

const floor = await best(5, async () => simulate(pack, spec))
const tornadoMs = await best(3, () =>
  runtime.runPromise(tornado(pack, spec, { indicator, runs: 1000 }, sampler)),
)
// The event loop's busy time during the analysis: what an instance computing a Sobol job cannot spend on
// requests and heartbeats (its matrix rows and bootstrap compute in the worker threads).
const sobolLoop = performance.eventLoopUtilization()
const sobolMs = await best(1, () =>
  runtime.runPromise(
    sobol(
      pack,
      spec,
      { indicator, samples: RECOMMENDED_SOBOL_SAMPLES },
      sampler,
      simulator.sobolIndices(pack),
    ),
  ),
)
const sobolLoopMs = performance.eventLoopUtilization(sobolLoop).active
const goalMs = await best(3, () =>
  runtime.runPromise(
    goalSeek(
      pack,
      spec,
      {
        lever: { intervention: 0, field: "amountUsdM" },
        indicator: "energy.capacity_restored_mw",
        month: 24,
        target: 300,
        probability: 0.5,
      },
      sampler,
    ),
  ),
)
await runtime.dispose()

const verdict = (ms: number, budget: number) => (ms <= budget ? "within" : "OVER")
const rows = [
  {
    case: "single simulation (1,000 runs, one thread)",
    measure: "wall",
    value: Math.round(floor.ms),
    unit: "ms",
  },
  {
    case: `tornado: ${pack.parameters.length} parameters + levers, 1,000 runs per setting (${tornadoRuns(pack, spec, 1000).toLocaleString("en-US")} runs)`,
    measure: "wall",
    value: Math.round(tornadoMs.ms),
    unit: "ms",
  },
  { case: "tornado", measure: "× single simulation", value: Number((tornadoMs.ms / floor.ms).toFixed(1)) },
  { case: "tornado", measure: "budget 3,000 ms", value: verdict(tornadoMs.ms, 3000) },
  {
    case: `Sobol: N = ${RECOMMENDED_SOBOL_SAMPLES} (${sobolRuns(pack, spec).toLocaleString("en-US")} runs)`,
    measure: "wall",
    value: Math.round(sobolMs.ms),
    unit: "ms",
  },
  { case: "Sobol", measure: "event loop busy", value: Math.round(sobolLoopMs), unit: "ms" },
  { case: "Sobol", measure: "× single simulation", value: Number((sobolMs.ms / floor.ms).toFixed(1)) },
  { case: "Sobol", measure: "budget 30,000 ms", value: verdict(sobolMs.ms, 30_000) },
  {
    case: `goal seek (${goalMs.value.evaluations.length + 1} evaluations of 1,000 runs)`,
    measure: "wall",
    value: Math.round(goalMs.ms),
    unit: "ms",
  },
  { case: "goal seek", measure: "× single simulation", value: Number((goalMs.ms / floor.ms).toFixed(1)) },
  { case: "goal seek", measure: "budget 2,000 ms", value: verdict(goalMs.ms, 2000) },
]
console.log(
  `Sensitivity and goal seeking through the worker pool (${availableParallelism()} workers, ${cpus()[0]?.model ?? "?"})`,
)
for (const row of rows)
  console.log(`  ${row.case} | ${row.measure}: ${row.value}${row.unit === undefined ? "" : ` ${row.unit}`}`)
console.log(`BENCH_JSON ${JSON.stringify({ rows })}`)
