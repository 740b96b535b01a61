import { Schema } from "effect"
import { lifecycleStateIds, sectorIds } from "./facts/index.js"
import { CommitmentId, ParameterId } from "./ids.js"
import { OriginalAmount } from "./money.js"

export const Party = Schema.Literal("japan", "ukraine", "russia", "g7", "partners").annotations({
  identifier: "Party",
})
export type Party = typeof Party.Type

export const Track = Schema.Literal(
  "sanctions",
  "defense",
  "security",
  "reconstruction",
  "financial",
  "technology",
  "culture",
).annotations({ identifier: "Track" })
export type Track = typeof Track.Type

export const Sector = Schema.Literal(...sectorIds).annotations({ identifier: "Sector" })
export type Sector = typeof Sector.Type
export const sectors: ReadonlyArray<Sector> = Sector.literals

export { sectorLabels } from "./facts/index.js"

/** The hazard class of a commitment: commitments of one kind share monthly hazards. */
export const CommitmentKind = Schema.Literal(
  "sanctions-package",
  "economic-agreement",
  "conference",
  "defense-mechanism",
  "security-cooperation",
  "reconstruction-project",
  "financial-aid",
  "loan",
  "technology-transfer",
  "cultural-event",
).annotations({ identifier: "CommitmentKind" })
export type CommitmentKind = typeof CommitmentKind.Type

export const LifecycleState = Schema.Literal(...lifecycleStateIds).annotations({
  identifier: "LifecycleState",
})
export type LifecycleState = typeof LifecycleState.Type

/**
 * How far a source can be trusted, as the project's fact sheets grade it: H = an official source or several
 * agreeing sources, M = one reputable outlet, L = a mirror, an aggregator or a search that found nothing.
 */
export const Confidence = Schema.Literal("H", "M", "L").annotations({ identifier: "Confidence" })
export type Confidence = typeof Confidence.Type
/** Confidence levels from strongest to weakest. */
export const confidenceOrder: ReadonlyArray<Confidence> = ["H", "M", "L"]

/** "YYYY-MM-DD", "YYYY-MM" or "YYYY": when a fact was true or reported. */
const FactDate = Schema.String.pipe(Schema.pattern(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/))

/** A public fact a number, date or state rests on, with the confidence the fact sheet gives it. */
export const FactRef = Schema.Struct({
  url: Schema.String.pipe(Schema.startsWith("https://")),
  what: Schema.String,
  asOf: Schema.optional(FactDate),
  confidence: Confidence,
}).annotations({ identifier: "FactRef" })
export type FactRef = typeof FactRef.Type

/**
 * Where a commitment comes from: the article's sentence, verbatim, and the facts behind it. `confidence` is
 * the weakest confidence among the cited facts (an item is as credible as its weakest cited fact; each fact
 * keeps its own); `predatesVisit` says the commitment was made before the visit (3 August 2025), so
 * its money is not new (funds.new_* leave it out).
 */
export const CommitmentSource = Schema.Struct({
  /** The article's sentence, verbatim; absent for an outcome the article does not mention (Japan's readout has it). */
  quote: Schema.optional(Schema.String.pipe(Schema.minLength(10))),
  facts: Schema.NonEmptyArray(FactRef),
  confidence: Confidence,
  predatesVisit: Schema.Boolean,
  /** Why the commitment starts in its initial state, in one sentence naming the fact (or the article's wording). */
  stateBasis: Schema.String.pipe(Schema.minLength(10)),
}).annotations({ identifier: "CommitmentSource" })
export type CommitmentSource = typeof CommitmentSource.Type

/** A pledged amount: the model draws USD millions from `parameter`; `original` keeps the source's figure. */
export const CommitmentAmount = Schema.Struct({
  parameter: ParameterId,
  original: Schema.optional(OriginalAmount),
}).annotations({ identifier: "CommitmentAmount" })
export type CommitmentAmount = typeof CommitmentAmount.Type

export const Commitment = Schema.Struct({
  id: CommitmentId,
  title: Schema.String.pipe(Schema.minLength(3)),
  track: Track,
  sector: Schema.optional(Sector),
  kind: CommitmentKind,
  from: Party,
  to: Party,
  /** State at month 0 (the visit), as a cited fact justifies it: `discussed` when the article only expected it. */
  initialState: LifecycleState,
  /** For a commitment implemented at a known month (the Expo National Day), that month. */
  implementedAtMonth: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
  amount: Schema.optional(CommitmentAmount),
  source: CommitmentSource,
}).annotations({ identifier: "Commitment" })
export type Commitment = typeof Commitment.Type
