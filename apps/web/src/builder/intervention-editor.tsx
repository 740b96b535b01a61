import { interventionTitles } from "@accord/domain/facts"
import type { InterventionInput, PackDetail } from "../api.js"
import { InterventionFields } from "./intervention-fields.js"

/** A new intervention of a type, with defaults a class can start from. */
export const newIntervention = (type: InterventionInput["type"], pack: PackDetail): InterventionInput => {
  const open = pack.commitments.find(
    (c) => c.initialState !== "implemented" && c.initialState !== "withdrawn",
  )
  const commitment = open?.id ?? pack.commitments[0].id
  switch (type) {
    case "sanctions-package":
      return { type, month: 3, coverage: 0.3, enforcement: 0.8 }
    case "aid-package":
      return { type, month: 6, sector: "energy", amountUsdM: 500, form: "grant" }
    case "delay":
      return { type, commitment, months: 6, month: 0 }
    case "withdraw":
      return { type, commitment, month: 9 }
    case "sanctions-evasion":
      // Russia's shadow fleet as the classroom exercise plays it: +0.8 percentage points a month.
      return { type, month: 3, evasionPerMonth: 0.008 }
    case "grid-strike":
      // A heavy winter strike: a tenth of the 9.2 GW destroyed in the 2024 strike wave (docs/model.md).
      return { type, month: 4, mwDestroyed: 500 }
    case "stall":
      return { type, commitment, month: 6 }
  }
}

export interface InterventionEditorProps {
  readonly intervention: InterventionInput
  readonly index: number
  readonly ordinal: number
  readonly horizonMonths: number
  readonly pack: PackDetail
  readonly onChange: (next: InterventionInput) => void
  readonly onRemove: () => void
}

/** The levers of one intervention, in a fieldset named for it. */
export const InterventionEditor = ({
  intervention,
  index,
  ordinal,
  horizonMonths,
  pack,
  onChange,
  onRemove,
}: InterventionEditorProps) => {
  const title = `${interventionTitles[intervention.type]} ${ordinal}`
  return (
    <fieldset
      className={`intervention intervention-${intervention.type}`}
      data-intervention={intervention.type}
      data-intervention-index={index}
    >
      <legend>{title}</legend>
      <InterventionFields
        iv={intervention}
        index={index}
        horizonMonths={horizonMonths}
        pack={pack}
        onChange={onChange}
      />
      <button type="button" className="link-button remove" onClick={onRemove}>
        Remove <span className="visually-hidden">{title}</span>
      </button>
    </fieldset>
  )
}
