import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { type SectorId, sectorLabels } from "@accord/domain/facts"
import { type CSSProperties, useId, useState } from "react"
import type { PackDetail } from "../api.js"
import { stateLabels, stateOrder } from "../lifecycle-labels.js"

type PackCommitment = PackDetail["commitments"][number]
/** A card: a pack commitment, or one an intervention added (no source of its own). */
export type CommitmentInput = Omit<PackCommitment, "source"> & { readonly source?: PackCommitment["source"] }

/** What the fact sheets' confidence letters mean (the weakest of a commitment's cited facts). */
export const confidenceLabels: Record<"H" | "M" | "L", string> = {
  H: "High confidence: an official source or several agreeing sources",
  M: "Medium confidence: one reputable outlet",
  L: "Low confidence: a mirror, an aggregator or a search that found nothing",
}

const trackLabels: Record<string, string> = {
  sanctions: "Sanctions",
  defense: "Defense",
  security: "Security",
  reconstruction: "Reconstruction",
  financial: "Financial",
  technology: "Technology",
  culture: "Culture",
}

const partyLabels: Record<string, string> = {
  japan: "Japan",
  ukraine: "Ukraine",
  russia: "Russia",
  g7: "G7",
  partners: "Partners",
}

export interface CommitmentBoardProps {
  readonly commitments: ReadonlyArray<CommitmentInput>
  /** Each commitment's state; defaults to its state at month 0. */
  readonly states?: ReadonlyMap<string, LifecycleState>
  /** Cards show their article quote and sources (the pack overview) or stay compact (the timeline). */
  readonly detailed?: boolean
  readonly title: string
}

/** The commitments as a board, in columns by lifecycle state or by track. */
export const CommitmentBoard = ({ commitments, states, detailed = true, title }: CommitmentBoardProps) => {
  const [groupBy, setGroupBy] = useState<"state" | "track">("state")
  const headingId = useId()
  const stateOf = (c: CommitmentInput): LifecycleState => states?.get(c.id) ?? c.initialState
  const columns =
    groupBy === "state"
      ? stateOrder.map((s) => ({
          key: s,
          label: stateLabels[s],
          items: commitments.filter((c) => stateOf(c) === s),
        }))
      : [...new Set(commitments.map((c) => c.track))].map((t) => ({
          key: t,
          label: trackLabels[t] ?? t,
          items: commitments.filter((c) => c.track === t),
        }))
  return (
    <section className="board-section" aria-labelledby={headingId}>
      <div className="board-head">
        <h2 id={headingId}>{title}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Group the board by</legend>
          {(["state", "track"] as const).map((g) => (
            <label key={g} className={groupBy === g ? "selected" : ""}>
              <input
                type="radio"
                name={`${headingId}-group`}
                value={g}
                checked={groupBy === g}
                onChange={() => setGroupBy(g)}
              />
              By {g === "state" ? "lifecycle state" : "track"}
            </label>
          ))}
        </fieldset>
      </div>
      <div className={`board board-by-${groupBy}`} data-testid="board">
        {columns.map((col) => (
          <section
            key={col.key}
            className={`board-column column-${col.key}${col.items.length === 0 ? " empty" : ""}`}
            style={{ "--cards": Math.max(1, col.items.length) } as CSSProperties}
            aria-label={`${col.label}: ${col.items.length}`}
            data-column={col.key}
          >
            <h3>
              {col.label} <span className="count">{col.items.length}</span>
            </h3>
            <ul className="card-list">
              {col.items.map((c) => (
                <li key={c.id}>
                  <CommitmentCard commitment={c} state={stateOf(c)} detailed={detailed} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  )
}

const CommitmentCard = ({
  commitment: c,
  state,
  detailed,
}: {
  readonly commitment: CommitmentInput
  readonly state: LifecycleState
  readonly detailed: boolean
}) => (
  <article className={`card state-border-${state}`} data-commitment={c.id} data-state={state}>
    <h4>{c.title}</h4>
    <p className="chips">
      <span className={`chip state-chip state-${state}`}>{stateLabels[state]}</span>
      <span className="chip">
        {trackLabels[c.track] ?? c.track}
        {c.sector ? ` · ${sectorLabels[c.sector as SectorId] ?? c.sector}` : ""}
      </span>
      <span className="chip muted">
        {partyLabels[c.from] ?? c.from} → {partyLabels[c.to] ?? c.to}
      </span>
      {c.source && (
        <span
          className={`chip confidence-chip confidence-${c.source.confidence}`}
          title={confidenceLabels[c.source.confidence]}
          data-confidence={c.source.confidence}
        >
          Confidence {c.source.confidence}
          <span className="visually-hidden">: {confidenceLabels[c.source.confidence]}</span>
        </span>
      )}
      {c.source?.predatesVisit && <span className="chip muted">Before the visit</span>}
    </p>
    {detailed && !c.source && <p className="state-basis">Added by this scenario's interventions.</p>}
    {detailed && c.source && (
      <>
        {c.source.quote && <blockquote>“{c.source.quote}”</blockquote>}
        <p className="state-basis">
          <strong>Why {stateLabels[c.initialState].toLowerCase()} at the visit:</strong> {c.source.stateBasis}
        </p>
        {c.amount?.original && (
          <p className="amount">
            {c.amount.original.conversion ??
              `${c.amount.original.currency} ${c.amount.original.amount.toLocaleString("en-US")}`}
          </p>
        )}
        {c.source.facts.length > 0 && (
          <details>
            <summary>
              Sources ({c.source.facts.length})<span className="visually-hidden"> for {c.title}</span>
            </summary>
            <ul className="sources">
              {c.source.facts.map((f) => (
                <li key={f.url + f.what}>
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.what}
                  </a>
                  {f.asOf ? ` (${f.asOf}` : " ("}
                  {f.asOf ? ", " : ""}
                  <abbr title={confidenceLabels[f.confidence]}>{f.confidence}</abbr>)
                </li>
              ))}
            </ul>
          </details>
        )}
      </>
    )}
  </article>
)
