import { type Commitment, type Confidence, confidenceOrder } from "../commitment.js"
import type { Pack } from "../pack.js"
import type { ValidationIssue } from "../validation-issue.js"

const duplicates = (ids: ReadonlyArray<string>): ReadonlyArray<string> =>
  ids.filter((id, i) => ids.indexOf(id) !== i)

/** The weakest confidence among some facts. */
export const weakestConfidence = (confidences: ReadonlyArray<Confidence>): Confidence | undefined =>
  [...confidenceOrder].reverse().find((c) => confidences.includes(c))

/**
 * Checks what the schema cannot: unique ids, every hazard and amount names a
 * parameter that exists, every commitment kind in use has hazards, and the
 * commitments rest on their facts (see checkCommitmentEvidence).
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
    for (const hazard of ["propose", "drop", "agree", "deliver", "stall", "resume", "withdraw"] as const) {
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
    issues.push(...checkCommitmentEvidence(pack, c, `commitments.${i}`))
    if (
      c.implementedAtMonth !== undefined &&
      (c.initialState === "proposed" || c.initialState === "discussed")
    ) {
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

/**
 * What a sceptic checks against the fact sheet, commitment by commitment:
 * - its confidence is the weakest of its cited facts' (each fact keeps its own);
 * - a commitment that starts proposed or later cites a fact dated no later than the visit (what happened after
 *   the visit is an observation, never a starting point); one that predates the visit cites one dated before it;
 * - an amount on a commitment that starts proposed or later is a fact (a source announced it); an amount on a
 *   discussed one is the range an amount would be drawn from once proposed: a labelled assumption whose
 *   rationale says why that range (the schema requires a rationale of every parameter).
 */
const checkCommitmentEvidence = (pack: Pack, c: Commitment, at: string): ReadonlyArray<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  const weakest = weakestConfidence(c.source.facts.map((f) => f.confidence))
  if (weakest !== c.source.confidence) {
    issues.push({
      path: `${at}.source.confidence`,
      message: `expected '${weakest}', the weakest confidence of the facts it cites`,
    })
  }
  const datedBy = (day: string) => c.source.facts.some((f) => f.asOf !== undefined && f.asOf <= day)
  if (c.initialState !== "discussed" && !datedBy(pack.visit.to)) {
    issues.push({
      path: `${at}.initialState`,
      message: `a commitment that starts ${c.initialState} must cite a fact dated no later than the visit (${pack.visit.to})`,
    })
  }
  if (
    c.source.predatesVisit &&
    !c.source.facts.some((f) => f.asOf !== undefined && f.asOf < pack.visit.from)
  ) {
    issues.push({
      path: `${at}.source.predatesVisit`,
      message: `a commitment that predates the visit must cite a fact dated before ${pack.visit.from}`,
    })
  }
  const amount =
    c.amount === undefined ? undefined : pack.parameters.find((p) => p.id === c.amount?.parameter)
  if (amount !== undefined && c.initialState !== "discussed" && amount.basis !== "fact") {
    issues.push({
      path: `${at}.amount.parameter`,
      message: `a commitment that starts ${c.initialState} carries an amount only when a source announced it (basis 'fact')`,
    })
  }
  if (amount !== undefined && amount.basis === "assumption" && !(amount.low < amount.high)) {
    issues.push({
      path: `${at}.amount.parameter`,
      message: "an assumed amount is a range (low < high), not a point a source did not give",
    })
  }
  return issues
}
