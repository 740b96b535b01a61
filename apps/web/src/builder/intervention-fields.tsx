import {
  aidFormIds,
  aidFormLabels,
  formatShare,
  MAX_EVASION_PER_MONTH,
  sectorIds,
  sectorLabels,
} from "@accord/domain/facts"
import type { InterventionInput, PackDetail } from "../api.js"
import { RangeLever, SelectLever } from "./lever-inputs.js"

const sectorOptions = sectorIds.map((value) => ({ value, label: sectorLabels[value] }))
const formOptions = aidFormIds.map((value) => ({ value, label: aidFormLabels[value] }))
const percent = { scale: 100, unit: "%" } as const

/** 0.008 → "+0.8 percentage points a month" (the rate at which sanctions pressure erodes). */
const evasionText = (v: number) => `+${Number((v * 100).toFixed(3))} percentage points a month`
const usd = (v: number) => `USD ${v.toLocaleString("en-US")} m`
const mwText = (v: number) => `${v.toLocaleString("en-US")} MW destroyed`
const monthText = (v: number) => (v === 0 ? "month 0 (the visit)" : `month ${v}`)
const monthsText = (v: number) => `${v} month${v === 1 ? "" : "s"}`

type Of<T extends InterventionInput["type"]> = Extract<InterventionInput, { type: T }>

/** What the fields of one intervention of a type are given. */
export interface FieldsProps<T extends InterventionInput> {
  readonly iv: T
  readonly index: number
  readonly horizonMonths: number
  readonly pack: PackDetail
  readonly onChange: (next: InterventionInput) => void
}

/** A lever's name, value and change for one field of an intervention (the form's one naming of fields). */
const bind = <T extends InterventionInput, K extends keyof T & string>(
  { iv, index, onChange }: FieldsProps<T>,
  field: K,
) => ({
  name: `interventions.${index}.${field}`,
  value: iv[field],
  onChange: (value: T[K]) => onChange({ ...iv, [field]: value }),
})

/** The month an intervention happens (0 is the visit), under the label its type gives it. */
const MonthField = ({
  label = "Month",
  ...props
}: FieldsProps<InterventionInput> & { readonly label?: string }) => (
  <RangeLever
    {...bind(props, "month")}
    value={props.iv.month ?? 0}
    label={label}
    min={0}
    max={props.horizonMonths}
    format={monthText}
  />
)

/** The commitment an intervention acts on. */
const CommitmentField = (props: FieldsProps<Of<"delay" | "withdraw" | "stall">>) => (
  <SelectLever
    {...bind(props, "commitment")}
    label="Commitment"
    options={props.pack.commitments.map((c) => ({ value: c.id as string, label: c.title }))}
  />
)

const SanctionsFields = (props: FieldsProps<Of<"sanctions-package">>) => (
  <>
    <MonthField {...props} />
    <RangeLever
      {...bind(props, "coverage")}
      label="Coverage of Russia's trade and finance"
      min={0}
      max={1}
      step={0.05}
      format={formatShare}
      typed={percent}
    />
    <RangeLever
      {...bind(props, "enforcement")}
      label="Enforcement"
      min={0}
      max={1}
      step={0.05}
      format={formatShare}
      typed={percent}
    />
  </>
)

const AidFields = (props: FieldsProps<Of<"aid-package">>) => (
  <>
    <SelectLever {...bind(props, "sector")} label="Sector" options={sectorOptions} />
    <RangeLever
      {...bind(props, "amountUsdM")}
      label="Amount"
      min={10}
      max={5000}
      step={10}
      format={usd}
      typed={{ scale: 1, unit: "USD m" }}
    />
    <SelectLever {...bind(props, "form")} label="Form" options={formOptions} />
    <MonthField {...props} />
  </>
)

const DelayFields = (props: FieldsProps<Of<"delay">>) => (
  <>
    <CommitmentField {...props} />
    <RangeLever
      {...bind(props, "months")}
      label="Delay by"
      min={1}
      max={props.horizonMonths}
      format={monthsText}
    />
    <MonthField {...props} label="Starting" />
  </>
)

const CommitmentMonthFields = (props: FieldsProps<Of<"withdraw" | "stall">>) => (
  <>
    <CommitmentField {...props} />
    <MonthField {...props} />
  </>
)

const EvasionFields = (props: FieldsProps<Of<"sanctions-evasion">>) => (
  <>
    <MonthField {...props} label="From" />
    <RangeLever
      {...bind(props, "evasionPerMonth")}
      label="Evasion added per month"
      min={0.001}
      max={MAX_EVASION_PER_MONTH}
      step={0.001}
      format={evasionText}
    />
  </>
)

const GridStrikeFields = (props: FieldsProps<Of<"grid-strike">>) => (
  <>
    <MonthField {...props} />
    <RangeLever
      {...bind(props, "mwDestroyed")}
      label="Generating capacity destroyed"
      min={10}
      max={10000}
      step={10}
      format={mwText}
    />
  </>
)

/** The levers of an intervention, by its type. */
export const InterventionFields = ({ iv, ...rest }: FieldsProps<InterventionInput>) => {
  switch (iv.type) {
    case "sanctions-package":
      return <SanctionsFields iv={iv} {...rest} />
    case "aid-package":
      return <AidFields iv={iv} {...rest} />
    case "delay":
      return <DelayFields iv={iv} {...rest} />
    case "withdraw":
    case "stall":
      return <CommitmentMonthFields iv={iv} {...rest} />
    case "sanctions-evasion":
      return <EvasionFields iv={iv} {...rest} />
    case "grid-strike":
      return <GridStrikeFields iv={iv} {...rest} />
  }
}
