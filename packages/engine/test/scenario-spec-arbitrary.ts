import {
  decodeScenarioSpec,
  getPack,
  type Intervention,
  packCatalog,
  type ScenarioSpec,
  sectors,
} from "@accord/domain"
import { Either } from "effect"
import fc from "fast-check"

export const pack = (() => {
  const p = getPack("sybiha-visit-2025")
  if (p === undefined) throw new Error("built-in pack sybiha-visit-2025 is missing")
  return p
})()

const commitmentIds = pack.commitments.map((c) => c.id as string)

/** Decodes a spec the way the API and CLI do, failing loudly if the arbitrary produced an invalid one. */
export const decodeSpec = (input: unknown): ScenarioSpec =>
  Either.getOrThrowWith(decodeScenarioSpec(input, packCatalog), (e) => new Error(JSON.stringify(e.issues)))

const share = fc.double({ min: 0, max: 1, noNaN: true })

export const sanctionsPackage = (horizon: number) =>
  fc.record({
    type: fc.constant("sanctions-package" as const),
    month: fc.integer({ min: 0, max: horizon }),
    coverage: share,
    enforcement: share,
  })

export const aidPackage = (horizon: number) =>
  fc.record({
    type: fc.constant("aid-package" as const),
    month: fc.integer({ min: 0, max: horizon }),
    sector: fc.constantFrom(...sectors),
    amountUsdM: fc.double({ min: 1, max: 5000, noNaN: true }),
    form: fc.constantFrom("grant" as const, "loan" as const, "in-kind" as const),
  })

const delay = (horizon: number) =>
  fc.record({
    type: fc.constant("delay" as const),
    commitment: fc.constantFrom(...commitmentIds),
    months: fc.integer({ min: 1, max: 12 }),
    month: fc.integer({ min: 0, max: horizon }),
  })

const withdraw = (horizon: number) =>
  fc.record({
    type: fc.constant("withdraw" as const),
    commitment: fc.constantFrom(...commitmentIds),
    month: fc.integer({ min: 0, max: horizon }),
  })

/**
 * Russia's counter-measure. Rates start at 1e-4, not just above 0: a rise of 1e-12 a month changes the
 * erosion factors by an ulp or two, and ulps can go either way in a ratio of two of them.
 */
export const sanctionsEvasion = (horizon: number) =>
  fc.record({
    type: fc.constant("sanctions-evasion" as const),
    month: fc.integer({ min: 0, max: horizon }),
    evasionPerMonth: fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
  })

/** A strike on the grid: energy capacity falls by `mwDestroyed` from its month. */
export const gridStrike = (horizon: number) =>
  fc.record({
    type: fc.constant("grid-strike" as const),
    month: fc.integer({ min: 0, max: horizon }),
    mwDestroyed: fc.double({ min: 1, max: 10_000, noNaN: true }),
  })

/** A commitment of the pack stalls at its month if it is agreed then. */
const stall = (horizon: number) =>
  fc.record({
    type: fc.constant("stall" as const),
    commitment: fc.constantFrom(...commitmentIds),
    month: fc.integer({ min: 0, max: horizon }),
  })

/** A package already decided at its month (the classroom's adopted and agreed moves), maybe delivered in full later. */
const agreedPackage = (horizon: number) =>
  fc.oneof(
    sanctionsPackage(horizon).map((p) => ({ ...p, initialState: "agreed" as const })),
    aidPackage(horizon).chain((p) =>
      fc.option(fc.integer({ min: p.month, max: horizon }), { nil: undefined }).map((done) => ({
        ...p,
        initialState: "agreed" as const,
        ...(done === undefined ? {} : { implementedAtMonth: done }),
      })),
    ),
  )

export const intervention = (horizon: number): fc.Arbitrary<Intervention> =>
  fc.oneof(
    sanctionsPackage(horizon),
    aidPackage(horizon),
    delay(horizon),
    withdraw(horizon),
    sanctionsEvasion(horizon),
    gridStrike(horizon),
    stall(horizon),
    agreedPackage(horizon),
  ) as fc.Arbitrary<Intervention>

const overridable = pack.parameters.filter((p) => p.low < p.high)

/** Overrides of a few parameters within their admissible ranges, as point values or ranges. */
const assumptions = fc
  .uniqueArray(fc.constantFrom(...overridable), { maxLength: 3, selector: (p) => p.id })
  .chain((params) =>
    fc.tuple(
      ...params.map((p) =>
        fc
          .tuple(
            fc.double({ min: p.min, max: p.max, noNaN: true }),
            fc.double({ min: p.min, max: p.max, noNaN: true }),
            fc.double({ min: p.min, max: p.max, noNaN: true }),
            fc.boolean(),
          )
          .map(([a, b, c, point]) => {
            const [low, mode, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number]
            return [p.id, point ? mode : { low, mode, high }] as const
          }),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries))

/** Small valid specs (few runs, so that properties stay fast) with any mix of interventions and overrides. */
export const scenarioSpec = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 36 }),
    runs: fc.integer({ min: 1, max: 120 }),
    seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    assumptions,
  })
  .chain((base) =>
    fc
      .array(intervention(base.horizonMonths), { maxLength: 5 })
      .map((interventions) => decodeSpec({ pack: pack.id, ...base, interventions })),
  )
