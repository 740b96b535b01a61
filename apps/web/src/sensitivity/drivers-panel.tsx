import { useEffect, useState } from "react"
import { type PackDetail, type SpecInput, sensitivity, type TornadoResult } from "../api.js"
import type { Schemas } from "../api-client.js"
import { formatWithUnit } from "../number-format.js"
import { TableToggle } from "../results/table-toggle.js"

type TornadoBar = Schemas["TornadoBar"]

/** Runs per setting of the builder's tornado: a quick look (about 125 settings); the CLI and API do more. */
const BUILDER_RUNS = 200
const SHOWN = 8

export interface DriversPanelProps {
  readonly spec: SpecInput
  readonly pack: PackDetail
  readonly indicator: string
  readonly unit: string
  /** Pins a parameter at a value (an assumption override of the spec). */
  readonly onPin: (parameter: string, value: number) => void
}

/** A tornado of one indicator: bars from the mean at each input's low to its high; a bar opens its card. */
export const DriversPanel = ({ spec, pack, indicator, unit, onPin }: DriversPanelProps) => {
  const [result, setResult] = useState<TornadoResult | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [open, setOpen] = useState<string | undefined>()
  useEffect(() => {
    const controller = new AbortController()
    setResult(undefined)
    setError(undefined)
    sensitivity(spec, indicator, BUILDER_RUNS, controller.signal).then(setResult, (e: Error) => {
      if (!controller.signal.aborted) setError(e.message)
    })
    return () => controller.abort()
  }, [spec, indicator])
  if (error) return <p role="alert">Could not compute the drivers: {error}</p>
  if (!result) return <p aria-live="polite">Finding what drives this indicator…</p>
  const bars = result.bars.filter((b) => b.swing > 0).slice(0, SHOWN)
  if (bars.length === 0) return <p>No input moves this indicator at the horizon.</p>
  const means = bars.flatMap((b) => [b.atLow.mean, b.atHigh.mean]).concat(result.baseline.mean)
  const lo = Math.min(...means)
  const hi = Math.max(...means)
  const at = (v: number) => (hi === lo ? 50 : ((v - lo) / (hi - lo)) * 100)
  const selected = bars.find((b) => b.id === open)
  return (
    <div className="drivers" data-testid="drivers" data-indicator={indicator}>
      <p className="hint">
        Mean at the horizon with each input at its low and at its high ({result.runsPerSetting} runs per
        setting, common random numbers); the line is the scenario's mean. Click a bar for its card.
      </p>
      <ul className="tornado" aria-label="Largest drivers">
        {bars.map((bar) => {
          const left = at(Math.min(bar.atLow.mean, bar.atHigh.mean))
          const width = Math.max(0.5, at(Math.max(bar.atLow.mean, bar.atHigh.mean)) - left)
          return (
            <li key={bar.id}>
              <button
                type="button"
                className="tornado-bar"
                aria-expanded={open === bar.id}
                onClick={() => setOpen(open === bar.id ? undefined : bar.id)}
                title={`${bar.label}: ${formatWithUnit(bar.atLow.mean, unit)} → ${formatWithUnit(bar.atHigh.mean, unit)}`}
              >
                <span className="tornado-label">{bar.label}</span>
                <span className="tornado-track" aria-hidden="true">
                  <span className="tornado-fill" style={{ left: `${left}%`, width: `${width}%` }} />
                  <span className="tornado-base" style={{ left: `${at(result.baseline.mean)}%` }} />
                </span>
                <span className="tornado-swing">±{formatWithUnit(bar.swing / 2, unit)}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {selected && <DriverCard bar={selected} pack={pack} spec={spec} unit={unit} onPin={onPin} />}
      <TableToggle label="Table of the drivers">
        {() => (
          <table>
            <caption>Mean with each input at its low and at its high</caption>
            <thead>
              <tr>
                <th scope="col">input</th>
                <th scope="col">low → high</th>
                <th scope="col">mean at low</th>
                <th scope="col">mean at high</th>
              </tr>
            </thead>
            <tbody>
              {result.bars
                .filter((b) => b.swing > 0)
                .map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.label}</th>
                    <td>
                      {b.low} → {b.high}
                    </td>
                    <td>{formatWithUnit(b.atLow.mean, unit)}</td>
                    <td>{formatWithUnit(b.atHigh.mean, unit)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </TableToggle>
    </div>
  )
}

/** A parameter's card: its range, its basis and sources; a button pins it as an assumption override. */
const DriverCard = ({
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
