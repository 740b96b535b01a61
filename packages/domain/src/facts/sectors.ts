/** The sectors aid and projects go to; the ids are for JSON. */
export const sectorIds = [
  "energy",
  "digital",
  "health",
  "smes",
  "infrastructure",
  "demining",
  "humanitarian",
] as const
export type SectorId = (typeof sectorIds)[number]

/** How a sector reads in text a class sees. */
export const sectorLabels: Readonly<Record<SectorId, string>> = {
  energy: "Energy",
  digital: "Digital",
  health: "Health",
  smes: "Small businesses",
  infrastructure: "Infrastructure",
  demining: "Demining",
  humanitarian: "Humanitarian",
}

/** The forms aid takes. */
export const aidFormIds = ["grant", "loan", "in-kind"] as const
export type AidFormId = (typeof aidFormIds)[number]

/** How an aid form reads in text a class sees. */
export const aidFormLabels: Readonly<Record<AidFormId, string>> = {
  grant: "Grant",
  loan: "Loan",
  "in-kind": "In kind",
}
