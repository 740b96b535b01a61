import { Schema } from "effect"
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

export const Sector = Schema.Literal(
  "energy",
  "digital",
  "health",
  "smes",
  "infrastructure",
  "demining",
  "humanitarian",
).annotations({ identifier: "Sector" })
export type Sector = typeof Sector.Type
export const sectors: ReadonlyArray<Sector> = Sector.literals

/** The hazard class of a commitment: commitments of one kind share monthly hazards. */
export const CommitmentKind = Schema.Literal(
  "sanctions-package",
  "defense-mechanism",
  "security-cooperation",
  "reconstruction-project",
  "financial-aid",
  "loan",
  "technology-transfer",
  "cultural-event",
).annotations({ identifier: "CommitmentKind" })
export type CommitmentKind = typeof CommitmentKind.Type

export const LifecycleState = Schema.Literal(
  "discussed",
  "proposed",
  "agreed",
  "implemented",
  "stalled",
  "withdrawn",
).annotations({ identifier: "LifecycleState" })
export type LifecycleState = typeof LifecycleState.Type

/** A public fact a number or date rests on. */
export const FactRef = Schema.Struct({
  url: Schema.String.pipe(Schema.startsWith("https://")),
  what: Schema.String,
  asOf: Schema.optional(Schema.String),
}).annotations({ identifier: "FactRef" })
export type FactRef = typeof FactRef.Type

/** Where a commitment comes from: the article's sentence, verbatim, and the facts behind it. */
export const CommitmentSource = Schema.Struct({
  quote: Schema.String.pipe(Schema.minLength(10)),
  facts: Schema.Array(FactRef),
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
  /** State at month 0 (the visit). */
  initialState: LifecycleState,
  /** For a commitment implemented at a known month (the Expo National Day), that month. */
  implementedAtMonth: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
  amount: Schema.optional(CommitmentAmount),
  source: CommitmentSource,
}).annotations({ identifier: "Commitment" })
export type Commitment = typeof Commitment.Type
