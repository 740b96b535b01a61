import { lifecycleStates, type ScenarioSpec } from "@accord/domain"
import { describe, expect, it } from "vitest"
import { type CompiledModel, compileModel } from "../src/compiled-model.js"
import { TrajectoryKernel, type WaitingTimes } from "../src/trajectory-kernel.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

/**
 * Geometric waiting times draw once per transition where the month-by-month driver drew once per month, so
 * the two give different runs for the same seed: what must not change is the distribution of when
 * commitments move. Two-sample Kolmogorov–Smirnov tests, 100,000 runs a side, on independent seeds, for every
 * commitment: the month of its first move after it enters and the month of its last move ("never" counts as
 * month horizon + 1), over a spec with a delay (frozen months must not count towards a wait), a withdrawal,
 * a stall of an agreed commitment (it re-enters agreed when it resumes) and an aid package that enters
 * mid-horizon. Since model 2.4.0 agreed commitments wait geometrically too (for a withdrawal, a stall or their
 * milestone; monetary ones still draw a tranche every month), so the commitments that start agreed test it.
 * Which event ends a wait (since model 2.6.0 drawn with the wait, keyed by its episode) is checked too: the share of
 * runs in which each commitment ends the horizon in each state must agree within a Bonferroni bound.
 */
const RUNS = 100_000
const horizon = 24
const commitmentIds = pack.commitments.map((c) => c.id as string)
const proposedId = pack.commitments.find((c) => c.initialState === "proposed")?.id as string
const discussedId = pack.commitments.find((c) => c.initialState === "discussed")?.id as string
const agreedId = pack.commitments.find((c) => c.initialState === "agreed" && c.amount === undefined)
  ?.id as string
const specWithSeed = (seed: number): ScenarioSpec =>
  decodeSpec({
    pack: pack.id,
    runs: RUNS,
    seed,
    horizonMonths: horizon,
    interventions: [
      { type: "delay", commitment: proposedId, month: 3, months: 6 },
      { type: "delay", commitment: discussedId, month: 0, months: 4 },
      { type: "withdraw", commitment: commitmentIds[commitmentIds.length - 1], month: 15 },
      { type: "stall", commitment: agreedId, month: 6 },
      { type: "aid-package", month: 5, sector: "energy", amountUsdM: 100, form: "grant" },
    ],
  })

/** Per commitment, histograms (months 0..horizon+1) of the first and of the last move after entry. */
interface MoveMonths {
  readonly first: ReadonlyArray<Int32Array>
  readonly last: ReadonlyArray<Int32Array>
  /** Per commitment, runs ending the horizon in each state (index = state, the last one: not yet entered). */
  readonly final: ReadonlyArray<Int32Array>
}

const NONE = 255
/** 2–3 simulations of 100,000 runs each: ~15 s on an idle core, 30 s at a load average of 12 on two. */
const KS_TIMEOUT_MS = 240_000

/** Seconds of synchronous work starve vitest's worker RPC on a loaded machine: yield between months. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const moveMonths = async (
  model: CompiledModel,
  waiting: WaitingTimes,
  parameters: Float64Array | null = null,
): Promise<MoveMonths> => {
  const C = model.commitmentCount
  const kernel = new TrajectoryKernel(model, 0, model.runs, null, parameters, waiting)
  const R = kernel.runCount
  const previous = new Int8Array(R * C).fill(-1)
  const first = new Uint8Array(R * C).fill(NONE)
  const last = new Uint8Array(R * C).fill(NONE)
  for (let m = 0; m < model.months; m++) {
    await yieldToEventLoop()
    kernel.advance()
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        const i = r * C + c
        const s = kernel.stateOf(r, c)
        if (s !== previous[i] && previous[i] !== -1) {
          if (first[i] === NONE) first[i] = m
          last[i] = m
        }
        previous[i] = s
      }
    }
  }
  const histograms = (months: Uint8Array) =>
    Array.from({ length: C }, (_, c) => {
      const h = new Int32Array(model.months + 1)
      for (let r = 0; r < R; r++) {
        const m = months[r * C + c] as number
        h[m === NONE ? model.months : m] = (h[m === NONE ? model.months : m] as number) + 1
      }
      return h
    })
  const final = Array.from({ length: C }, (_, c) => {
    const h = new Int32Array(lifecycleStates.length + 1)
    for (let r = 0; r < R; r++) {
      const s = previous[r * C + c] as number
      const k = s < 0 ? lifecycleStates.length : s
      h[k] = (h[k] as number) + 1
    }
    return h
  })
  return { first: histograms(first), last: histograms(last), final }
}

/** Two-sample Kolmogorov–Smirnov statistic of two histograms over the same ordered support. */
const ksStatistic = (a: Int32Array, b: Int32Array): number => {
  const na = a.reduce((s, x) => s + x, 0)
  const nb = b.reduce((s, x) => s + x, 0)
  let ca = 0
  let cb = 0
  let d = 0
  for (let k = 0; k < a.length; k++) {
    ca += a[k] as number
    cb += b[k] as number
    d = Math.max(d, Math.abs(ca / na - cb / nb))
  }
  return d
}

/**
 * The critical value of D at level alpha for samples of n and m (asymptotic, c(α) = √(−ln(α/2)/2)). Month
 * counts are discrete, which makes the test conservative: a correct driver fails it less often than alpha.
 */
const ksCritical = (alpha: number, n: number, m: number): number =>
  Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m))

/** Every commitment's first and last move, each a test: Bonferroni over them keeps the family at 0.001. */
const tests = 2 * pack.commitments.length
const critical = ksCritical(0.001 / tests, RUNS, RUNS)

/** Largest D over every commitment and both measures, with where it was. */
const worstKs = (a: MoveMonths, b: MoveMonths) => {
  let worst = { d: 0, where: "" }
  for (const measure of ["first", "last"] as const) {
    a[measure].forEach((h, c) => {
      const d = ksStatistic(h, b[measure][c] as Int32Array)
      if (d > worst.d) worst = { d, where: `${commitmentIds[c] ?? c} (${measure} move)` }
    })
  }
  return worst
}

/**
 * Largest gap between the two drivers' shares of runs ending in a state, over every commitment and state, in
 * standard errors of a difference of two proportions at the pooled share (0 where neither has any run there).
 */
const worstShare = (a: MoveMonths, b: MoveMonths) => {
  let worst = { z: 0, where: "" }
  a.final.forEach((h, c) => {
    const g = b.final[c] as Int32Array
    h.forEach((x, k) => {
      const y = g[k] as number
      const pooled = (x + y) / (2 * RUNS)
      if (pooled === 0 || pooled === 1) return
      const z = Math.abs(x - y) / RUNS / Math.sqrt((2 * pooled * (1 - pooled)) / RUNS)
      if (z > worst.z) worst = { z, where: `${commitmentIds[c] ?? c} (${lifecycleStates[k] ?? "not yet"})` }
    })
  })
  return worst
}
/** Two-sided normal critical value at 0.001 over every commitment and state (Bonferroni): |z| above it fails. */
const shareCritical = 4.9

/** Every run's parameters at their modes: the same hazards in every run, for the deliberately wrong drivers. */
const modes = (model: CompiledModel, scaled: Int32Array = new Int32Array(0), scale = 1): Float64Array => {
  const P = model.parameterCount
  const wrong = new Set(Array.from(scaled))
  const row = Float64Array.from(
    { length: P },
    (_, k) => (model.mode[k] as number) * (wrong.has(k) ? scale : 1),
  )
  const out = new Float64Array(model.runs * P)
  for (let r = 0; r < model.runs; r++) out.set(row, r * P)
  return out
}

describe("geometric waiting times (Kolmogorov–Smirnov at 100,000 runs against the month-by-month driver)", () => {
  const reference = compileModel(pack, specWithSeed(1))
  const engine = compileModel(pack, specWithSeed(2))

  it(
    "with drawn parameters, every commitment's first and last move months have the same distribution",
    async () => {
      const monthly = await moveMonths(reference, "monthly")
      const geometric = await moveMonths(engine, "geometric")
      const worst = worstKs(monthly, geometric)
      expect(worst.d, `D = ${worst.d} at ${worst.where}, critical ${critical}`).toBeLessThan(critical)
      const share = worstShare(monthly, geometric)
      expect(share.z, `z = ${share.z} at ${share.where}`).toBeLessThan(shareCritical)
    },
    KS_TIMEOUT_MS,
  )

  it(
    "with fixed hazards the test passes, and it rejects agree or deliver hazards 10 % too high",
    async () => {
      const monthly = await moveMonths(reference, "monthly", modes(reference))
      const geometric = await moveMonths(engine, "geometric", modes(engine))
      const right = worstKs(monthly, geometric)
      expect(right.d, `D = ${right.d} at ${right.where}, critical ${critical}`).toBeLessThan(critical)
      const share = worstShare(monthly, geometric)
      expect(share.z, `z = ${share.z} at ${share.where}`).toBeLessThan(shareCritical)
      for (const hazards of [engine.hazardAgree, engine.hazardDeliver]) {
        const wrong = worstKs(monthly, await moveMonths(engine, "geometric", modes(engine, hazards, 1.1)))
        expect(wrong.d, `D = ${wrong.d} at ${wrong.where}, critical ${critical}`).toBeGreaterThan(critical)
      }
    },
    KS_TIMEOUT_MS,
  )
})
