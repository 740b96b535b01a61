import { interventionTitles, interventionTypeIds } from "@accord/domain/facts"
import { useEffect, useState } from "react"
import type { InterventionInput, PackDetail, SpecInput } from "../api.js"
import { InterventionEditor, newIntervention } from "./intervention-editor.js"

/** After "+ …", focus goes to the new intervention's first field (it sits above the buttons). */
const useFocusOnAdded = () => {
  const [focusIndex, setFocusIndex] = useState<number | undefined>()
  useEffect(() => {
    if (focusIndex === undefined) return
    const first = document.querySelector<HTMLElement>(
      `[data-intervention-index="${focusIndex}"] :is(input, select, button)`,
    )
    if (first !== null) {
      first.focus()
      setFocusIndex(undefined)
    }
  })
  return setFocusIndex
}

/** The "+ …" buttons, one per intervention type. */
const AddButtons = ({
  pack,
  onAdd,
}: {
  readonly pack: PackDetail
  readonly onAdd: (type: InterventionInput["type"]) => void
}) => (
  <div className="add-buttons">
    {interventionTypeIds.map((type) => (
      <button
        key={type}
        type="button"
        className="add"
        title={pack.interventions.find((d) => d.type === type)?.description}
        onClick={() => onAdd(type)}
      >
        + {interventionTitles[type]}
      </button>
    ))}
  </div>
)

/** The scenario's interventions, each numbered within its type, and the buttons that add one. */
export const InterventionList = ({
  spec,
  pack,
  onChange,
}: {
  readonly spec: SpecInput
  readonly pack: PackDetail
  readonly onChange: (next: SpecInput) => void
}) => {
  const ivs = spec.interventions
  const setIvs = (interventions: ReadonlyArray<InterventionInput>) => onChange({ ...spec, interventions })
  const focusOn = useFocusOnAdded()
  const ordinals = new Map<string, number>()
  return (
    <fieldset>
      <legend>Interventions</legend>
      {ivs.length === 0 && <p className="hint">None yet: the scenario equals the baseline.</p>}
      {ivs.map((iv, i) => {
        const ordinal = (ordinals.get(iv.type) ?? 0) + 1
        ordinals.set(iv.type, ordinal)
        return (
          <InterventionEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: interventions have no id; position is their identity
            key={i}
            intervention={iv}
            index={i}
            ordinal={ordinal}
            horizonMonths={spec.horizonMonths}
            pack={pack}
            onChange={(next) => setIvs(ivs.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setIvs(ivs.filter((_, j) => j !== i))}
          />
        )
      })}
      <AddButtons
        pack={pack}
        onAdd={(type) => {
          setIvs([...ivs, newIntervention(type, pack)])
          focusOn(ivs.length)
        }}
      />
    </fieldset>
  )
}
