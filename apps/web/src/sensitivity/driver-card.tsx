import { formatWithUnit } from "@accord/domain/facts"
import type { PackDetail, SpecInput } from "../api.js"
import type { Schemas } from "../api-client.js"

type TornadoBar = Schemas["TornadoBar"]

/** A parameter's card: its range, its basis and sources; a button pins it as an assumption override. */
export const DriverCard = ({
  bar,
  pack,
  spec,
  unit,
  onPin,
}: {
  readonly bar: TornadoBar
  readonly pack: PackDetail
  readonly spec: SpecInput
  readonly unit: string
  readonly onPin: (parameter: string, value: number) => void
}) => {
  const parameter = pack.parameters.find((p) => p.id === bar.id)
  const pinned = spec.assumptions?.[bar.id]
  return (
    <section className="driver-card panel" aria-label={`Card of ${bar.label}`} data-testid="driver-card">
      <h4>{bar.label}</h4>
      <p>
        Moves the mean from {formatWithUnit(bar.atLow.mean, unit)} (at {bar.low}) to{" "}
        {formatWithUnit(bar.atHigh.mean, unit)} (at {bar.high}).
      </p>
      {parameter ? (
        <>
          <dl className="facts">
            <dt>Id</dt>
            <dd>
              <code>{parameter.id}</code>
            </dd>
            <dt>Range</dt>
            <dd>
              {parameter.low} / {parameter.mode} / {parameter.high} {parameter.unit} (low / mode / high;
              allowed {parameter.min}–{parameter.max})
            </dd>
            <dt>Basis</dt>
            <dd>{parameter.basis === "fact" ? "fact" : "assumption"}</dd>
            <dt>{parameter.basis === "fact" ? "Note" : "Rationale"}</dt>
            <dd>{parameter.rationale}</dd>
          </dl>
          {parameter.facts.length > 0 && (
            <ul className="sources">
              {parameter.facts.map((f) => (
                <li key={f.url}>
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.what}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p className="inline">
            {pinned !== undefined && <span>Pinned in this scenario. </span>}
            {[
              ["low", bar.low],
              ["mode", parameter.mode],
              ["high", bar.high],
            ].map(([name, value]) => (
              <button
                key={name}
                type="button"
                className="secondary"
                onClick={() => onPin(parameter.id, Number(value))}
              >
                Pin at {name} ({value})
              </button>
            ))}
          </p>
        </>
      ) : (
        <p>A lever of this scenario (intervention field {bar.id}): change it in the levers.</p>
      )}
    </section>
  )
}
