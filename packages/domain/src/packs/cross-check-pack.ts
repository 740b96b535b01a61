import type { Pack } from "../pack.js"
import type { ValidationIssue } from "../validation-issue.js"

const duplicates = (ids: ReadonlyArray<string>): ReadonlyArray<string> =>
  ids.filter((id, i) => ids.indexOf(id) !== i)

/**
 * Checks what the schema cannot: unique ids, every hazard and amount names a
 * parameter that exists, and every commitment kind in use has hazards.
 */
export const crossCheckPack = (pack: Pack): ReadonlyArray<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  const parameterIds = new Set(pack.parameters.map((p) => p.id as string))
  for (const [path, ids] of [
    ["commitments", pack.commitments.map((c) => c.id)],
    ["parameters", pack.parameters.map((p) => p.id)],
    ["hazards", pack.hazards.map((h) => h.kind)],
    ["indicators", pack.indicators.map((i) => i.id)],
  ] as const) {
    for (const id of duplicates(ids)) issues.push({ path, message: `duplicate id '${id}'` })
  }
  pack.hazards.forEach((h, i) => {
    for (const hazard of ["agree", "deliver", "stall", "resume", "withdraw"] as const) {
      if (!parameterIds.has(h[hazard])) {
        issues.push({ path: `hazards.${i}.${hazard}`, message: `unknown parameter '${h[hazard]}'` })
      }
    }
  })
  const kindsWithHazards = new Set(pack.hazards.map((h) => h.kind as string))
  pack.commitments.forEach((c, i) => {
    if (!kindsWithHazards.has(c.kind)) {
      issues.push({ path: `commitments.${i}.kind`, message: `no hazards for kind '${c.kind}'` })
    }
    if (c.amount !== undefined && !parameterIds.has(c.amount.parameter)) {
      issues.push({
        path: `commitments.${i}.amount.parameter`,
        message: `unknown parameter '${c.amount.parameter}'`,
      })
    }
    if (c.implementedAtMonth !== undefined && c.initialState === "proposed") {
      issues.push({
        path: `commitments.${i}.implementedAtMonth`,
        message: "a commitment implemented at a known month must start agreed",
      })
    }
  })
  // Interventions create commitments of these kinds, so the pack must say how they behave.
  for (const kind of ["sanctions-package", "financial-aid", "loan"] as const) {
    if (!kindsWithHazards.has(kind)) {
      issues.push({ path: "hazards", message: `no hazards for kind '${kind}', which interventions create` })
    }
  }
  return issues
}
