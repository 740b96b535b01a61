import { type SectorId, sectorLabels } from "@accord/domain/facts"
import type { StoredEvent } from "../api.js"

/** How a commitment id reads in a sentence: its title from the pack (ids stay in URLs and JSON). */
export type TitleOf = (commitmentId: string) => string

const sectorName = (sector: unknown): string =>
  (sectorLabels[sector as SectorId] ?? String(sector)).toLowerCase()

const interventionText = (iv: Record<string, unknown>, title: TitleOf): string => {
  switch (iv.type) {
    case "sanctions-package":
      return `sanctions package in month ${iv.month} (coverage ${Math.round(Number(iv.coverage) * 100)}%, enforcement ${Math.round(Number(iv.enforcement) * 100)}%)`
    case "aid-package":
      return `${iv.form} of USD ${iv.amountUsdM} m for ${sectorName(iv.sector)} in month ${iv.month}`
    case "delay":
      return `delay “${title(String(iv.commitment))}” by ${iv.months} months${iv.month ? ` from month ${iv.month}` : ""}`
    case "withdraw":
      return `withdraw “${title(String(iv.commitment))}” in month ${iv.month}`
    case "sanctions-evasion":
      return `sanctions evasion from month ${iv.month} (+${Math.round(Number(iv.evasionPerMonth) * 1000) / 10} points a month)`
    case "grid-strike":
      return `grid strike in month ${iv.month} (${iv.mwDestroyed} MW destroyed)`
    case "stall":
      return `stall “${title(String(iv.commitment))}” in month ${iv.month}`
    default:
      return "a change to the scenario"
  }
}

/** The tag of a stored event. */
export const eventTag = (e: StoredEvent): string => e.type

/** One line per stored scenario event, in the words of the classroom. */
export const describeScenarioEvent = (e: StoredEvent, title: TitleOf = (id) => id): string => {
  // Read field by field: an event type this build does not know still gets a line.
  const d = e.data as unknown as Record<string, unknown>
  switch (eventTag(e)) {
    case "ScenarioCreated": {
      const spec = (d.spec ?? {}) as { interventions?: ReadonlyArray<Record<string, unknown>> }
      const n = spec.interventions?.length ?? 0
      return `Created “${d.name}”${n > 0 ? ` with ${n} intervention${n === 1 ? "" : "s"}` : ""}${d.parent ? " (a branch)" : ""}`
    }
    case "InterventionAdded":
      return `Added ${interventionText((d.intervention ?? {}) as Record<string, unknown>, title)}`
    case "InterventionRemoved":
      return `Removed intervention ${Number(d.index) + 1}`
    case "AssumptionsChanged":
      return "Changed the assumptions"
    case "SettingsChanged":
      return `Changed settings: ${Object.entries(d)
        .filter(([k]) => k !== "_tag" && k !== "v")
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`
    case "ScenarioBranched":
      return `Branched at version ${d.atVersion}`
    case "RunCompleted":
      return `Ran the model ${d.runs} times`
    default:
      return "Changed the scenario"
  }
}
