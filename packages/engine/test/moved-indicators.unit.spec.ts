import type { ScenarioSpec } from "@accord/domain"
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { compileModel } from "../src/compiled-model.js"
import { INDICATOR_COUNT, INDICATOR_IDS } from "../src/indicator-formulas.js"
import type { Report } from "../src/report.js"
import { reportOfKernel, simulate, simulateInMemory } from "../src/simulate.js"
import { type KernelPath, TrajectoryKernel } from "../src/trajectory-kernel.js"
import { decodeSpec, intervention, pack, scenarioSpec } from "./scenario-spec-arbitrary.js"

/**
 * The kernel's shortcuts (issue 17, round 7): columns no event moved are neither folded again nor read by the
 * report (`movedIndicators`), and a commitment without an amount steps only its due runs in a quiet month (lists
 * of due runs). Each is held here to the plain path, byte for byte: a column wrongly skipped, or a due run left
 * out, gives other bytes.
 */

const kernelOf = (spec: ScenarioSpec, path: KernelPath) =>
  new TrajectoryKernel(compileModel(pack, spec), 0, spec.runs, null, null, "geometric", undefined, path)

const bitsOf = (values: Float32Array): Uint32Array =>
  new Uint32Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength))

/** The first index where two arrays differ, or -1 (one assertion instead of one per element). */
const firstDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length !== b.length) return Math.min(a.length, b.length)
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return k
  return -1
}

/** The report of the plain path: every column folded every month and read in full (no `moved` flag used). */
const plainReport = (spec: ScenarioSpec): Report =>
  reportOfKernel(compileModel(pack, spec), kernelOf(spec, "plain"), false)

/**
 * Steps both paths month by month: the same values (bits) every month, and every column the shortcut path says
 * did not move is last month's in the plain path. Returns, per indicator, in how many months after the first it
 * was reported moved.
 */
const compareKernels = (spec: ScenarioSpec): Array<number> => {
  const shortcuts = kernelOf(spec, "shortcuts")
  const plain = kernelOf(spec, "plain")
  const R = spec.runs
  const commitments = compileModel(pack, spec).commitmentCount
  const movedMonths = new Array<number>(INDICATOR_COUNT).fill(0)
  let previous: Uint32Array | undefined
  for (let m = 0; m <= spec.horizonMonths; m++) {
    shortcuts.advance()
    plain.advance()
    const bits = bitsOf(plain.values)
    expect(firstDifference(bitsOf(shortcuts.values), bits), `values at month ${m}`).toBe(-1)
    expect(Array.from(plain.movedIndicators)).toEqual(new Array(INDICATOR_COUNT).fill(1))
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      if (m === 0) {
        expect(shortcuts.movedIndicators[ind], `${INDICATOR_IDS[ind]} at month 0`).toBe(1)
        continue
      }
      if (shortcuts.movedIndicators[ind] === 1) movedMonths[ind] = (movedMonths[ind] as number) + 1
      else
        expect(
          firstDifference(
            bits.subarray(ind * R, (ind + 1) * R),
            (previous as Uint32Array).subarray(ind * R, (ind + 1) * R),
          ),
          `${INDICATOR_IDS[ind]} at month ${m}, not moved`,
        ).toBe(-1)
    }
    previous = bits
    const states = (k: TrajectoryKernel) =>
      Array.from({ length: commitments * R }, (_, j) => k.stateOf(j % R, Math.floor(j / R)))
    expect(firstDifference(states(shortcuts), states(plain)), `states at month ${m}`).toBe(-1)
  }
  expect(Array.from(shortcuts.finalStateCounts())).toEqual(Array.from(plain.finalStateCounts()))
  return movedMonths
}

const indicatorSlot = (id: (typeof INDICATOR_IDS)[number]): number => INDICATOR_IDS.indexOf(id)

describe("columns the kernel knows did not move, and the due runs it steps alone", () => {
  it("skips columns in the default pack, and gives the plain path's report byte for byte", () => {
    const spec = decodeSpec({ pack: pack.id, runs: 400, seed: 11, horizonMonths: 24 })
    const moved = compareKernels(spec)
    // Nothing is delivered in health within two years in the default pack: its column never moves after month 0.
    expect(moved[indicatorSlot("health.facilities_supported")]).toBe(0)
    // The pressure index erodes every month.
    expect(moved[indicatorSlot("sanctions.pressure_index")]).toBe(24)
    expect(JSON.stringify(simulate(pack, spec))).toBe(JSON.stringify(plainReport(spec)))
  })

  it("folds and reads the columns interventions move that the default pack leaves still", () => {
    const interventions = [
      { type: "aid-package", month: 2, sector: "health", amountUsdM: 300, form: "grant" },
      {
        type: "aid-package",
        month: 5,
        sector: "smes",
        amountUsdM: 200,
        form: "loan",
        initialState: "agreed",
      },
      {
        type: "aid-package",
        month: 3,
        sector: "demining",
        amountUsdM: 150,
        form: "in-kind",
        initialState: "agreed",
        implementedAtMonth: 9,
      },
      {
        type: "aid-package",
        month: 1,
        sector: "digital",
        amountUsdM: 80,
        form: "grant",
        initialState: "agreed",
      },
      { type: "grid-strike", month: 4, mwDestroyed: 700 },
      { type: "grid-strike", month: 13, mwDestroyed: 300 },
      { type: "sanctions-package", month: 6, coverage: 0.5, enforcement: 0.6, initialState: "agreed" },
      { type: "sanctions-evasion", month: 8, evasionPerMonth: 0.03 },
    ]
    const spec = decodeSpec({ pack: pack.id, runs: 300, seed: 5, horizonMonths: 24, interventions })
    const moved = compareKernels(spec)
    for (const id of [
      "health.facilities_supported",
      "smes.supported",
      "demining.area_cleared_km2",
      "digital.disbursed_usd_m",
      "energy.capacity_restored_mw",
    ] as const)
      expect(moved[indicatorSlot(id)], id).toBeGreaterThan(0)
    expect(JSON.stringify(simulateInMemory(compileModel(pack, spec)))).toBe(JSON.stringify(plainReport(spec)))
  })

  test.prop(
    [
      scenarioSpec.chain((spec) =>
        fc.tuple(fc.constant(spec), fc.array(intervention(spec.horizonMonths), { maxLength: 4 })),
      ),
    ],
    { numRuns: 60 },
  )("gives the plain path's values, states and report for any spec", ([spec, more]) => {
    const full = decodeSpec({ ...spec, interventions: [...spec.interventions, ...more] })
    compareKernels(full)
    expect(JSON.stringify(simulateInMemory(compileModel(pack, full)))).toBe(JSON.stringify(plainReport(full)))
  })
})
