import { formatWithUnit } from "@accord/domain/facts"
import { useEffect, useState } from "react"
import { type PackDetail, type SpecInput, sensitivity, type TornadoResult } from "../api.js"
import type { Schemas } from "../api-client.js"
import { HeadRow } from "../results/table-cells.js"
import { TableToggle } from "../results/table-toggle.js"
import { DriverCard } from "./driver-card.js"

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

/** The tornado of an indicator for a spec, asked again (and the old question dropped) when either changes. */
const useTornado = (spec: SpecInput, indicator: string) => {
  const [result, setResult] = useState<TornadoResult | undefined>()
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    const controller = new AbortController()
    setResult(undefined)
    setError(undefined)
    sensitivity(spec, indicator, BUILDER_RUNS, controller.signal).then(setResult, (e: Error) => {
      if (!controller.signal.aborted) setError(e.message)
    })
    return () => controller.abort()
  }, [spec, indicator])
  return { result, error }
}

/** The bars: each input's low-to-high mean on a shared scale, the scenario's mean as a line; a bar toggles its card. */
const TornadoBars = ({
  bars,
  baseline,
  unit,
  open,
  onOpen,
}: {
  readonly bars: ReadonlyArray<TornadoBar>
  readonly baseline: number
  readonly unit: string
  readonly open: string | undefined
  readonly onOpen: (id: string | undefined) => void
}) => {
  const means = bars.flatMap((b) => [b.atLow.mean, b.atHigh.mean]).concat(baseline)
  const lo = Math.min(...means)
  const hi = Math.max(...means)
  const at = (v: number) => (hi === lo ? 50 : ((v - lo) / (hi - lo)) * 100)
  return (
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
              onClick={() => onOpen(open === bar.id ? undefined : bar.id)}
              title={`${bar.label}: ${formatWithUnit(bar.atLow.mean, unit)} → ${formatWithUnit(bar.atHigh.mean, unit)}`}
            >
              <span className="tornado-label">{bar.label}</span>
              <span className="tornado-track" aria-hidden="true">
                <span className="tornado-fill" style={{ left: `${left}%`, width: `${width}%` }} />
                <span className="tornado-base" style={{ left: `${at(baseline)}%` }} />
              </span>
              <span className="tornado-swing">±{formatWithUnit(bar.swing / 2, unit)}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/** Every input that moves the indicator, as a table. */
const DriversTable = ({
  bars,
  unit,
}: {
  readonly bars: ReadonlyArray<TornadoBar>
  readonly unit: string
}) => (
  <table>
    <caption>Mean with each input at its low and at its high</caption>
    <HeadRow names={["input", "low → high", "mean at low", "mean at high"]} />
    <tbody>
      {bars.map((b) => (
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
)

/** A tornado of one indicator: bars from the mean at each input's low to its high; a bar opens its card. */
export const DriversPanel = ({ spec, pack, indicator, unit, onPin }: DriversPanelProps) => {
  const { result, error } = useTornado(spec, indicator)
  const [open, setOpen] = useState<string | undefined>()
  if (error) return <p role="alert">Could not compute the drivers: {error}</p>
  if (!result) return <p aria-live="polite">Finding what drives this indicator…</p>
  const moving = result.bars.filter((b) => b.swing > 0)
  const bars = moving.slice(0, SHOWN)
  if (bars.length === 0) return <p>No input moves this indicator at the horizon.</p>
  const selected = bars.find((b) => b.id === open)
  return (
    <div className="drivers" data-testid="drivers" data-indicator={indicator}>
      <p className="hint">
        Mean at the horizon with each input at its low and at its high ({result.runsPerSetting} runs per
        setting, common random numbers); the line is the scenario's mean. Click a bar for its card.
      </p>
      <TornadoBars bars={bars} baseline={result.baseline.mean} unit={unit} open={open} onOpen={setOpen} />
      {selected && <DriverCard bar={selected} pack={pack} spec={spec} unit={unit} onPin={onPin} />}
      <TableToggle label="Table of the drivers">
        {() => <DriversTable bars={moving} unit={unit} />}
      </TableToggle>
    </div>
  )
}
