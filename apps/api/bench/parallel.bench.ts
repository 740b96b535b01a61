// `pnpm bench -- parallel`: where splitting a simulation across the worker pool pays. For simulations of the
// default pack from 100 to 20,000 runs, the wall time on the event loop (the engine called in place), whole in
// one worker thread, and split across the pool's threads (one per core, chunks assembled in a worker); for a
// tornado at 200 and 1,000 runs per setting, on the event loop and in the pool. Best of several rounds, the
// ways interleaved in each round; the speed-up is the median over rounds of one way's time ÷ another's. Every
// way gives the same report hash (checked here; the tests hold it too). The machine is shared: the load
// average is printed beside the figures.
import { availableParallelism, cpus, loadavg } from "node:os"
import { decodeScenarioSpec, getPack, packCatalog, type ScenarioSpec } from "@accord/domain"
import { simulate, tornado } from "@accord/engine"
import { Either, ManagedRuntime } from "effect"
import { Simulator, SimulatorLive } from "../src/simulation/simulator.js"
import { workOf } from "../src/simulation/work-ceiling.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack sybiha-visit-2025 missing")
const specOf = (runs: number): ScenarioSpec =>
  Either.getOrThrow(
    decodeScenarioSpec(
      {
        pack: pack.id,
        runs,
        interventions: [{ type: "aid-package", month: 6, sector: "energy", amountUsdM: 1000, form: "grant" }],
      },
      packCatalog,
    ),
  )

const cores = availableParallelism()
/** A simulator whose every simulation goes to the pool (no report cache), split above `splitThreshold`. */
const pooled = async (splitThreshold: number) => {
  const runtime = ManagedRuntime.make(
    SimulatorLive({
      workerThreshold: 0,
      splitThreshold,
      warmWorkers: true,
      cachedReports: 0,
      workers: cores,
    }),
  )
  const simulator = await runtime.runPromise(Simulator)
  // Workers start (and tsx compiles the engine in each) before anything is timed.
  await runtime.runPromise(simulator.simulate(pack, specOf(cores * 50)))
  await runtime.runPromise(simulator.simulate(pack, specOf(cores * 50 + 1)))
  return { runtime, simulator }
}
const one = await pooled(Number.MAX_SAFE_INTEGER)
const all = await pooled(0)

/**
 * Wall times of several ways of doing the same work, interleaved (one of each per round, n rounds) so that the
 * shared machine's load falls on all of them alike: each way's best time, and `speedUp(i, j)`, the median over
 * rounds of way i's time ÷ way j's time.
 */
const paired = async <A>(n: number, ways: ReadonlyArray<() => Promise<A> | A>) => {
  const times = ways.map(() => [] as Array<number>)
  const values: Array<A> = []
  for (let r = 0; r < n; r++) {
    for (const [i, way] of ways.entries()) {
      const t0 = performance.now()
      values[i] = await way()
      times[i]?.push(performance.now() - t0)
    }
  }
  const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  const speedUp = (i: number, j: number) => {
    const [slow, fast] = [times[i] as Array<number>, times[j] as Array<number>]
    return Math.round(median(slow.map((t, r) => t / (fast[r] as number))) * 100) / 100
  }
  return { best: times.map((ts) => Math.round(Math.min(...ts) * 10) / 10), speedUp, values }
}

const loadBefore = loadavg()[0] as number
const rows: Array<{ case: string; measure: string; value: number | string; unit?: string }> = []
console.log(`${cores} cores (${cpus()[0]?.model ?? "?"}), load average ${loadBefore.toFixed(2)} at start`)
console.log("runs      work (c-m)   in place   whole, 1 thread   split   split vs whole   split vs in place")
for (const runs of [100, 250, 500, 1_000, 2_000, 5_000, 20_000]) {
  const spec = specOf(runs)
  const { best, speedUp, values } = await paired(runs <= 2_000 ? 15 : 5, [
    () => simulate(pack, spec),
    () => one.runtime.runPromise(one.simulator.simulate(pack, spec)),
    () => all.runtime.runPromise(all.simulator.simulate(pack, spec)),
  ])
  if (values.some((report) => report.hash !== values[0]?.hash))
    throw new Error(`${runs} runs: the pool's report differs from the one computed in place`)
  const [inPlace, single, pool] = best as [number, number, number]
  const [overWhole, overInPlace] = [speedUp(1, 2), speedUp(0, 2)]
  const label = `${runs.toLocaleString("en-US")} runs`
  console.log(
    `${label.padEnd(12)}${workOf(pack, spec).toLocaleString("en-US").padStart(11)}${`${inPlace} ms`.padStart(11)}${`${single} ms`.padStart(18)}${`${pool} ms`.padStart(10)}${`${overWhole}×`.padStart(17)}${`${overInPlace}×`.padStart(20)}`,
  )
  rows.push(
    { case: label, measure: "in place", value: inPlace, unit: "ms" },
    { case: label, measure: "whole, 1 thread", value: single, unit: "ms" },
    { case: label, measure: `split, ${cores} threads`, value: pool, unit: "ms" },
    { case: label, measure: "split vs whole", value: `${overWhole}×` },
    { case: label, measure: "split vs in place", value: `${overInPlace}×` },
  )
}

// Sensitivity batches: the sampler splits each task across the pool when there are fewer tasks than workers.
const indicator = "funds.disbursed_usd_m"
const onLoop = ManagedRuntime.make(SimulatorLive({ workerThreshold: Number.MAX_SAFE_INTEGER, workers: 1 }))
const onLoopSampler = (await onLoop.runPromise(Simulator)).sampler(pack)
for (const runs of [200, 1_000]) {
  const spec = specOf(runs)
  const { best, speedUp, values } = await paired(3, [
    () => onLoop.runPromise(tornado(pack, spec, { indicator, runs }, onLoopSampler)),
    () => all.runtime.runPromise(tornado(pack, spec, { indicator, runs }, all.simulator.sampler(pack))),
  ])
  if (JSON.stringify(values[0]) !== JSON.stringify(values[1]))
    throw new Error(`tornado at ${runs} runs: the pool's result differs from the one computed in place`)
  const [inPlace, pool] = best as [number, number]
  const label = `tornado, ${runs.toLocaleString("en-US")} runs per setting`
  console.log(`${label}: in place ${inPlace} ms, pool ${pool} ms, ${speedUp(0, 1)}×`)
  rows.push(
    { case: label, measure: "in place", value: inPlace, unit: "ms" },
    { case: label, measure: `${cores} workers`, value: pool, unit: "ms" },
    { case: label, measure: "pool vs in place", value: `${speedUp(0, 1)}×` },
  )
}
const loadAfter = loadavg()[0] as number
console.log(`load average ${loadAfter.toFixed(2)} at the end`)
rows.push({
  case: "machine",
  measure: "load average (start → end)",
  value: `${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`,
})
console.log(`BENCH_JSON ${JSON.stringify({ rows })}`)
await Promise.all([one.runtime.dispose(), all.runtime.dispose(), onLoop.dispose()])
