import {
  crossCheckSpec,
  type Pack,
  packCatalogOf,
  type ScenarioSpec,
  type ValidationIssue,
} from "@accord/domain"
import { SpecDoesNotFitPack } from "./engine-errors.js"

/**
 * Throws SpecDoesNotFitPack unless the spec is for this pack and passes the domain's own cross-check against
 * it (crossCheckSpec: commitment ids, months within the horizon, assumptions in range). The engine checks
 * nothing of its own: a spec decoded by the domain passes.
 */
export const checkSpecFitsPack = (pack: Pack, spec: ScenarioSpec): void => {
  const issues: Array<ValidationIssue> = []
  if (spec.pack !== pack.id)
    issues.push({ path: "pack", message: `spec is for '${spec.pack}', not '${pack.id}'` })
  issues.push(...crossCheckSpec({ ...spec, pack: pack.id }, packCatalogOf([pack])))
  if (issues.length > 0) {
    throw new SpecDoesNotFitPack({ message: `the spec does not fit pack '${pack.id}'`, issues })
  }
}
