import { formatShare } from "@accord/domain/facts"
import type { Schemas } from "../api-client.js"
import { stateLabels, stateOrder } from "../lifecycle-labels.js"

type CommitmentOutcome = Schemas["CommitmentOutcome"]

/** Per commitment, the share of runs ending the horizon in each lifecycle state, as a stacked bar. */
export const OutcomeShares = ({
  commitments,
}: {
  readonly commitments: ReadonlyArray<CommitmentOutcome>
}) => (
  <section className="panel" aria-labelledby="outcomes-h">
    <h2 id="outcomes-h">Where each commitment ends up</h2>
    <p className="hint">Share of runs ending the horizon in each state.</p>
    <ul className="state-legend" aria-label="Colour key">
      {stateOrder.map((s) => (
        <li key={s}>
          <span className={`swatch state-${s}`} aria-hidden="true" /> {stateLabels[s]}
        </li>
      ))}
    </ul>
    <ul className="outcomes">
      {commitments.map((c) => {
        const parts = stateOrder
          .map((s) => ({ state: s, share: c.finalStates[s] ?? 0 }))
          .filter((p) => p.share > 0)
        const text = parts.map((p) => `${stateLabels[p.state]} ${formatShare(p.share)}`).join(", ")
        return (
          <li key={c.id} className="outcome" data-commitment={c.id}>
            <span className="outcome-title">{c.title}</span>
            <span className="stacked-bar" role="img" aria-label={`${c.title}: ${text}`}>
              {parts.map((p) => (
                <span
                  key={p.state}
                  className={`segment state-${p.state}`}
                  style={{ width: `${p.share * 100}%` }}
                  title={`${stateLabels[p.state]} ${formatShare(p.share)}`}
                />
              ))}
            </span>
            <span className="outcome-text">{text}</span>
          </li>
        )
      })}
    </ul>
  </section>
)
