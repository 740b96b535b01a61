import { addedCommitmentTracks, getPack, MAX_RUNS, Track, type ValidationIssue } from "@accord/domain"
import { compileModel, type Report, TrajectoryEvent, trajectory } from "@accord/engine"
import { Effect, Schema } from "effect"

/** A commitment an intervention of the spec adds to the board (the pack's own are in GET /api/packs/{id}). */
export const AddedCommitment = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  kind: Schema.String,
  track: Track,
  /** Index of the intervention that created it. */
  intervention: Schema.Int,
}).annotations({ identifier: "AddedCommitment" })

/** One run of a stored report, replayed: its events in order and the commitments its interventions added. */
export const ReportTrajectory = Schema.Struct({
  hash: Schema.String,
  run: Schema.Int,
  events: Schema.Array(TrajectoryEvent),
  commitments: Schema.Array(AddedCommitment),
}).annotations({ identifier: "ReportTrajectory" })
export type ReportTrajectory = typeof ReportTrajectory.Type

/** `run` as the query string carries it: a run index of the report (default: its representative run). */
export const RunParam = Schema.NumberFromString.pipe(
  Schema.int(),
  Schema.between(0, MAX_RUNS - 1),
).annotations({
  description: "Run index, 0..runs-1 of the report (default: the report's representative run)",
})

/** The run index asked for, if the report has no such run (the route answers 400 with these). */
export const runIssues = (report: Report, run: number | undefined): ReadonlyArray<ValidationIssue> =>
  run === undefined || run < report.runs
    ? []
    : [
        {
          path: "run",
          message: `expected a run index in 0..${report.runs - 1} (the report has ${report.runs} runs); got ${run}`,
        },
      ]

/**
 * Replays one run of a stored report with the engine's pure `trajectory` (a run's random streams depend only
 * on seed and run index, so this is the run the report counted). The route has checked the run with `runIssues`.
 */
export const reportTrajectory = (report: Report, run: number | undefined) =>
  Effect.gen(function* () {
    const index = run ?? report.representativeRun.index
    const pack = getPack(report.spec.pack)
    if (pack === undefined)
      return yield* Effect.die(new Error(`stored report of unknown pack '${report.spec.pack}'`))
    const events = trajectory(pack, report.spec, index)
    const commitments = compileModel(pack, report.spec).commitments.flatMap((c) => {
      const type = report.spec.interventions[c.intervention]?.type
      const track = type === undefined ? undefined : addedCommitmentTracks[type]
      return track === undefined
        ? []
        : [{ id: c.id, title: c.title, kind: c.kind, track, intervention: c.intervention }]
    })
    return { hash: report.hash, run: index, events, commitments } satisfies ReportTrajectory
  })
