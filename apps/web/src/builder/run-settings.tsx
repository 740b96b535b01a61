import { MAX_HORIZON_MONTHS } from "@accord/domain/facts"
import type { ObservationInput, SpecInput } from "../api.js"
import { NumberLever, RangeLever, SelectLever } from "./lever-inputs.js"

const runOptions = [100, 500, 1000, 2000, 5000, 10000].map((n) => ({
  value: String(n),
  label: `${n.toLocaleString("en-US")} runs`,
}))

/** The date the projection starts from: the visit, the latest observation, or the spec's own date. */
const asOfOptions = (asOf: string | undefined, observations: ReadonlyArray<ObservationInput>) => {
  const latest =
    observations
      .map((o) => o.date)
      .sort()
      .at(-1) ?? ""
  return [
    { value: "", label: "as of the visit" },
    ...(latest === "" ? [] : [{ value: latest, label: `as of the latest observation (${latest})` }]),
    ...(asOf && asOf !== latest ? [{ value: asOf, label: `as of ${asOf}` }] : []),
  ]
}

/** The shortest horizon the interventions allow: their latest month (a delay needs one month). */
const shortestHorizon = (spec: SpecInput) =>
  Math.max(
    1,
    ...spec.interventions.map((iv) => iv.month ?? 0),
    ...spec.interventions.map((iv) => (iv.type === "delay" ? 1 : 0)),
  )

/** Projection date, horizon, runs and seed of a scenario. */
export const RunSettings = ({
  spec,
  observations,
  onChange,
}: {
  readonly spec: SpecInput
  readonly observations: ReadonlyArray<ObservationInput>
  readonly onChange: (next: SpecInput) => void
}) => (
  <fieldset>
    <legend>Run settings</legend>
    <SelectLever
      name="asOf"
      label="Projection"
      value={spec.asOf ?? ""}
      options={asOfOptions(spec.asOf, observations)}
      onChange={(asOf) => {
        const { asOf: _old, ...rest } = spec
        onChange(asOf === "" ? rest : { ...rest, asOf })
      }}
    />
    <RangeLever
      name="horizonMonths"
      label="Horizon"
      value={spec.horizonMonths}
      min={shortestHorizon(spec)}
      max={MAX_HORIZON_MONTHS}
      format={(v) => `${v} months`}
      onChange={(horizonMonths) => onChange({ ...spec, horizonMonths })}
    />
    <SelectLever
      name="runs"
      label="Runs"
      value={String(spec.runs)}
      options={
        runOptions.some((o) => o.value === String(spec.runs))
          ? runOptions
          : [...runOptions, { value: String(spec.runs), label: `${spec.runs} runs` }]
      }
      onChange={(runs) => onChange({ ...spec, runs: Number(runs) })}
    />
    <NumberLever
      name="seed"
      label="Seed"
      value={spec.seed}
      min={0}
      max={4_294_967_295}
      onChange={(seed) => onChange({ ...spec, seed })}
    />
  </fieldset>
)
