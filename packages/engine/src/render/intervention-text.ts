import type { AssumptionOverride, Intervention, Pack } from "@accord/domain"
import { calendarMonth, formatNumber, formatShare, formatUsdMillions } from "@accord/domain/facts"

/** "month 3 (Nov 2025)" when the pack says when month 0 is, else "month 3". */
export const monthInWords = (month: number, pack?: Pack): string => {
  const calendar = pack === undefined ? undefined : calendarMonth(pack.startMonth, month)
  return calendar === undefined ? `month ${month}` : `month ${month} (${calendar})`
}

/** A commitment's title from the pack (or the report), falling back to its id. */
export type CommitmentNames = (id: string) => string

/** One intervention in plain words, for handouts: "Month 3 (Nov 2025): a sanctions package …". */
export const describeIntervention = (
  intervention: Intervention,
  names: CommitmentNames,
  pack?: Pack,
): string => {
  const label = "label" in intervention && intervention.label ? ` ("${intervention.label}")` : ""
  switch (intervention.type) {
    case "sanctions-package":
      return `${capitalize(monthInWords(intervention.month, pack))}: a new sanctions package${label} covering ${formatShare(intervention.coverage)} of the targeted trade and finance, enforced at ${formatShare(intervention.enforcement)}.`
    case "aid-package":
      return `${capitalize(monthInWords(intervention.month, pack))}: a ${formatUsdMillions(intervention.amountUsdM)} ${intervention.sector} ${aidForm[intervention.form]}${label}.`
    case "delay":
      return `${capitalize(monthInWords(intervention.month ?? 0, pack))}: "${names(intervention.commitment)}" is held up for ${intervention.months} month${intervention.months === 1 ? "" : "s"}.`
    case "withdraw":
      return `${capitalize(monthInWords(intervention.month, pack))}: "${names(intervention.commitment)}" is withdrawn.`
    case "sanctions-evasion":
      return `${capitalize(monthInWords(intervention.month, pack))} onwards: Russia counters the sanctions${label}, adding ${formatEvasionPoints(intervention.evasionPerMonth)} a month to the rate at which sanctions pressure erodes.`
    case "grid-strike":
      return `${capitalize(monthInWords(intervention.month, pack))}: a strike on the grid${label} destroys ${formatNumber(intervention.mwDestroyed)} MW of generating capacity.`
    case "stall":
      return `${capitalize(monthInWords(intervention.month, pack))}: "${names(intervention.commitment)}" stalls${label} if it is agreed then.`
  }
}

/** A monthly rate as percentage points: 0.008 → "0.8 percentage points". */
const formatEvasionPoints = (rate: number): string => `${Number((rate * 100).toFixed(3))} percentage points`

const aidForm = { grant: "grant", loan: "loan", "in-kind": "in-kind aid package" } as const

/** One assumption override in words: "Cost per MW restored (USD m/MW): 1.2 (pack: 0.8–1.5, mode 1)". */
export const describeAssumption = (id: string, override: AssumptionOverride, pack?: Pack): string => {
  const parameter = pack?.parameters.find((p) => p.id === id)
  const name = parameter === undefined ? id : `${parameter.label} (${parameter.unit})`
  const value =
    typeof override === "number"
      ? `fixed at ${formatNumber(override)}`
      : `drawn from ${formatNumber(override.low)}–${formatNumber(override.high)}, most likely ${formatNumber(override.mode)}`
  const was =
    parameter === undefined
      ? ""
      : ` (pack: ${formatNumber(parameter.low)}–${formatNumber(parameter.high)}, most likely ${formatNumber(parameter.mode)})`
  return `${name}: ${value}${was}`
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
