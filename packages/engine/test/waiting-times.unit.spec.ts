import type { ScenarioSpec } from "@accord/domain"
import { describe, expect, it } from "vitest"
import { type CompiledModel, compileModel } from "../src/compiled-model.js"
import { TrajectoryKernel, type WaitingTimes } from "../src/trajectory-kernel.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

/**
 * Geometric waiting times draw once per transition where the month-by-month driver drew once per month, so
 * the two give different runs for the same seed: what must not change is the distribution of when
 * commitments move. Two-sample Kolmogorov–Smirnov tests, 100,000 runs a side, on independent seeds, for every
 * commitment: the month of its first move after it enters and the month of its last move ("never" counts as
 * month horizon + 1), over a spec with a delay (frozen months must not count towards a wait), a withdrawal and
 * an aid package that enters mid-horizon.
 */
const RUNS = 100_000
const horizon = 24
const commitmentIds = pack.commitments.map((c) => c.id as string)
const proposedId = pack.commitments.find((c) => c.initialState === "proposed")?.id as string
const discussedId = pack.commitments.find((c) => c.initialState === "discussed")?.id as string
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
      { type: "aid-package", month: 5, sector: "energy", amountUsdM: 100, form: "grant" },
    ],
  })

/** Per commitment, histograms (months 0..horizon+1) of the first and of the last move after entry. */
interface MoveMonths {
  readonly first: ReadonlyArray<Int32Array>
  readonly last: ReadonlyArray<Int32Array>
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
  return { first: histograms(first), last: histograms(last) }
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

/** Every run's parameters at their modes: the same hazards in every run, for the deliberately wrong driver. */
const modes = (model: CompiledModel, scaleAgree = 1): Float64Array => {
  const P = model.parameterCount
  const agree = new Set(Array.from(model.hazardAgree))
  const row = Float64Array.from(
    { length: P },
    (_, k) => (model.mode[k] as number) * (agree.has(k) ? scaleAgree : 1),
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
      const worst = worstKs(await moveMonths(reference, "monthly"), await moveMonths(engine, "geometric"))
      expect(worst.d, `D = ${worst.d} at ${worst.where}, critical ${critical}`).toBeLessThan(critical)
    },
    KS_TIMEOUT_MS,
  )

  it(
    "with fixed hazards the test passes, and it rejects agree hazards 10 % too high",
    async () => {
      const monthly = await moveMonths(reference, "monthly", modes(reference))
      const right = worstKs(monthly, await moveMonths(engine, "geometric", modes(engine)))
      expect(right.d, `D = ${right.d} at ${right.where}, critical ${critical}`).toBeLessThan(critical)
      const wrong = worstKs(monthly, await moveMonths(engine, "geometric", modes(engine, 1.1)))
      expect(wrong.d, `D = ${wrong.d} at ${wrong.where}, critical ${critical}`).toBeGreaterThan(critical)
    },
    KS_TIMEOUT_MS,
  )
})
