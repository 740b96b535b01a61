import type { Pack, ScenarioSpec, ValidationIssue } from "@accord/domain"
import { crossCheckSpec, packCatalog } from "@accord/domain"
import { Effect } from "effect"
import { WorkCeilingExceeded } from "../http/api-error.js"
import { packById } from "../packs/pack-lookup.js"
import { prefixed } from "./simulate.js"

/** Refuses an analysis whose runs together exceed the ceiling, naming the field to lower. */
export const checkAnalysisWork = (work: number, limit: number, path: string) =>
  work <= limit
    ? Effect.succeed(work)
    : Effect.fail(
        new WorkCeilingExceeded({
          message: `this analysis needs ${work.toLocaleString("en-US")} commitment-months; the limit per request is ${limit.toLocaleString("en-US")}: lower ${path}`,
          work,
          limit,
          issues: [{ path, message: `the analysis needs ${work} commitment-months, over ${limit}` }],
        }),
      )

/** Cross-checks of an analysis request: its spec against the pack first, then what the request asks of it. */
export const requestIssues =
  <B extends { readonly spec: ScenarioSpec }>(
    more: (pack: Pack, body: B) => ReadonlyArray<ValidationIssue>,
  ) =>
  (body: B): ReadonlyArray<ValidationIssue> => {
    const specIssues = prefixed("spec", crossCheckSpec(body.spec, packCatalog))
    return specIssues.length > 0 ? specIssues : more(packById(body.spec.pack), body)
  }
