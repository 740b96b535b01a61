import { SelectLever } from "../builder/lever-inputs.js"
import type { Choice } from "../scenario-choices.js"

/** The two scenarios to compare: A (which may be the baseline) → B. */
export const ScenarioPickers = ({
  a,
  b,
  setA,
  setB,
  optionsA,
  optionsB,
}: {
  readonly a: string
  readonly b: string
  readonly setA: (value: string) => void
  readonly setB: (value: string) => void
  readonly optionsA: ReadonlyArray<Choice>
  readonly optionsB: ReadonlyArray<Choice>
}) => (
  <div className="compare-pickers">
    <SelectLever label="Compare from (A)" value={a} onChange={setA} options={optionsA} />
    <span aria-hidden="true" className="arrow">
      →
    </span>
    <SelectLever
      label="To (B)"
      value={b}
      onChange={setB}
      options={[{ value: "", label: "Choose a scenario…" }, ...optionsB]}
    />
  </div>
)
