import {
  aidFormIds,
  aidFormLabels,
  interventionTitles,
  MAX_EVASION_PER_MONTH,
  sectorIds,
  sectorLabels,
} from "@accord/domain/facts"
import type { InterventionInput, PackDetail } from "../api.js"
import { formatShare } from "../number-format.js"
import { RangeLever, SelectLever } from "./lever-inputs.js"

const sectorOptions = sectorIds.map((value) => ({ value, label: sectorLabels[value] }))
const formOptions = aidFormIds.map((value) => ({ value, label: aidFormLabels[value] }))

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

/** 0.008 → "+0.8 percentage points a month" (the rate at which sanctions pressure erodes). */
const evasionText = (v: number) => `+${Number((v * 100).toFixed(3))} percentage points a month`
const usd = (v: number) => `USD ${v.toLocaleString("en-US")} m`
const mwText = (v: number) => `${v.toLocaleString("en-US")} MW destroyed`
const monthText = (v: number) => (v === 0 ? "month 0 (the visit)" : `month ${v}`)

/** The levers of one intervention, in a fieldset named for it. */
export const InterventionEditor = ({
  intervention: iv,
  index,
  ordinal,
  horizonMonths,
  pack,
  onChange,
  onRemove,
}: InterventionEditorProps) => {
  const title = `${interventionTitles[iv.type]} ${ordinal}`
  const commitmentOptions = pack.commitments.map((c) => ({ value: c.id as string, label: c.title }))
  const month = (
    <RangeLever
      name={`interventions.${index}.month`}
      label="Month"
      value={iv.month ?? 0}
      min={0}
      max={horizonMonths}
      format={monthText}
      onChange={(month) => onChange({ ...iv, month } as InterventionInput)}
    />
  )
  return (
    <fieldset
      className={`intervention intervention-${iv.type}`}
      data-intervention={iv.type}
      data-intervention-index={index}
    >
      <legend>{title}</legend>
      {iv.type === "sanctions-package" && (
        <>
          {month}
          <RangeLever
            name={`interventions.${index}.coverage`}
            label="Coverage of Russia's trade and finance"
            value={iv.coverage}
            min={0}
            max={1}
            step={0.05}
            format={formatShare}
            typed={{ scale: 100, unit: "%" }}
            onChange={(coverage) => onChange({ ...iv, coverage })}
          />
          <RangeLever
            name={`interventions.${index}.enforcement`}
            label="Enforcement"
            value={iv.enforcement}
            min={0}
            max={1}
            step={0.05}
            format={formatShare}
            typed={{ scale: 100, unit: "%" }}
            onChange={(enforcement) => onChange({ ...iv, enforcement })}
          />
        </>
      )}
      {iv.type === "aid-package" && (
        <>
          <SelectLever
            name={`interventions.${index}.sector`}
            label="Sector"
            value={iv.sector}
            options={sectorOptions}
            onChange={(sector) => onChange({ ...iv, sector })}
          />
          <RangeLever
            name={`interventions.${index}.amountUsdM`}
            label="Amount"
            value={iv.amountUsdM}
            min={10}
            max={5000}
            step={10}
            format={usd}
            typed={{ scale: 1, unit: "USD m" }}
            onChange={(amountUsdM) => onChange({ ...iv, amountUsdM })}
          />
          <SelectLever
            name={`interventions.${index}.form`}
            label="Form"
            value={iv.form}
            options={formOptions}
            onChange={(form) => onChange({ ...iv, form })}
          />
          {month}
        </>
      )}
      {iv.type === "delay" && (
        <>
          <SelectLever
            name={`interventions.${index}.commitment`}
            label="Commitment"
            value={iv.commitment}
            options={commitmentOptions}
            onChange={(commitment) => onChange({ ...iv, commitment })}
          />
          <RangeLever
            name={`interventions.${index}.months`}
            label="Delay by"
            value={iv.months}
            min={1}
            max={horizonMonths}
            format={(v) => `${v} month${v === 1 ? "" : "s"}`}
            onChange={(months) => onChange({ ...iv, months })}
          />
          <RangeLever
            name={`interventions.${index}.month`}
            label="Starting"
            value={iv.month ?? 0}
            min={0}
            max={horizonMonths}
            format={monthText}
            onChange={(m) => onChange({ ...iv, month: m })}
          />
        </>
      )}
      {(iv.type === "withdraw" || iv.type === "stall") && (
        <>
          <SelectLever
            name={`interventions.${index}.commitment`}
            label="Commitment"
            value={iv.commitment}
            options={commitmentOptions}
            onChange={(commitment) => onChange({ ...iv, commitment })}
          />
          {month}
        </>
      )}
      {iv.type === "sanctions-evasion" && (
        <>
          <RangeLever
            name={`interventions.${index}.month`}
            label="From"
            value={iv.month}
            min={0}
            max={horizonMonths}
            format={monthText}
            onChange={(m) => onChange({ ...iv, month: m })}
          />
          <RangeLever
            name={`interventions.${index}.evasionPerMonth`}
            label="Evasion added per month"
            value={iv.evasionPerMonth}
            min={0.001}
            max={MAX_EVASION_PER_MONTH}
            step={0.001}
            format={evasionText}
            onChange={(evasionPerMonth) => onChange({ ...iv, evasionPerMonth })}
          />
        </>
      )}
      {iv.type === "grid-strike" && (
        <>
          {month}
          <RangeLever
            name={`interventions.${index}.mwDestroyed`}
            label="Generating capacity destroyed"
            value={iv.mwDestroyed}
            min={10}
            max={10000}
            step={10}
            format={mwText}
            onChange={(mwDestroyed) => onChange({ ...iv, mwDestroyed })}
          />
        </>
      )}
      <button type="button" className="link-button remove" onClick={onRemove}>
        Remove <span className="visually-hidden">{title}</span>
      </button>
    </fieldset>
  )
}
