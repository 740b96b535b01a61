import { formatWithUnit, monthOfDate } from "@accord/domain/facts"
import { type ReactNode, useMemo } from "react"
import type { ObservationInput } from "../api.js"
import type { Schemas } from "../api-client.js"
import { FanChart } from "../chart/fan-chart.js"
import { IndicatorTable } from "./indicator-table.js"
import { ObservationList } from "./observation-list.js"
import { TableToggle } from "./table-toggle.js"

type IndicatorSeries = Schemas["IndicatorSeries"]

/** The model card's section that gives every indicator's formula (an id the model card page gives its heading). */
export const HOW_COMPUTED_HREF = "/model-card.html#indicators"

/** One sentence that says what the chart shows, for screen readers and the caption. */
export const describeFan = (scenario: IndicatorSeries, baseline?: IndicatorSeries): string => {
  const last = scenario.series.at(-1)
  if (!last) return `${scenario.label}: no data`
  const b = baseline?.series.at(-1)
  const u = scenario.unit
  const base = b ? ` Without the changes, a typical run ends at ${formatWithUnit(b.p50, u)}.` : ""
  const band =
    last.p10 === last.p90
      ? "Every run ends there."
      : `8 in 10 runs fall between ${formatWithUnit(last.p10, u)} and ${formatWithUnit(last.p90, u)}.`
  return `${scenario.label}: in a typical run, ${formatWithUnit(last.p50, u)} by month ${last.month}. ${band}${base}`
}

export interface IndicatorCardProps {
  readonly scenario: IndicatorSeries
  readonly baseline?: IndicatorSeries | undefined
  readonly onDraw?: () => void
  readonly description?: string | undefined
  /** Value observations of this indicator, and the pack's month 0 ("YYYY-MM") to place them. */
  readonly observations?: ReadonlyArray<ObservationInput> | undefined
  readonly startMonth?: string | undefined
  /** What drives this indicator (the builder's tornado), rendered only when opened. */
  readonly drivers?: (() => ReactNode) | undefined
}

/** A fan chart with its caption, text alternative and table. */
export const IndicatorCard = ({
  scenario,
  baseline,
  onDraw,
  description: about,
  observations = [],
  startMonth,
  drivers,
}: IndicatorCardProps) => {
  const observed = useMemo(
    () =>
      startMonth === undefined
        ? []
        : observations.map((o) => ({ month: monthOfDate(o.date, startMonth), value: o.value ?? 0 })),
    [observations, startMonth],
  )
  const last = scenario.series.at(-1)
  const b = baseline?.series.at(-1)
  const delta = last && b ? last.p50 - b.p50 : 0
  const description = describeFan(scenario, baseline)
  return (
    <figure
      className="indicator"
      data-indicator={scenario.id}
      data-p50-horizon={last?.p50}
      data-baseline-p50-horizon={b?.p50}
    >
      <figcaption>
        <h3>{scenario.label}</h3>
        {about && (
          <p className="indicator-about">
            {about}{" "}
            <a href={HOW_COMPUTED_HREF} target="_blank" rel="noreferrer">
              How is this computed?
            </a>
          </p>
        )}
        <p className="readout">
          <span className="readout-value">{last ? formatWithUnit(last.p50, scenario.unit) : "–"}</span>
          {b && Math.abs(delta) > 1e-9 && (
            <span className={delta > 0 ? "readout-delta up" : "readout-delta down"}>
              {delta > 0 ? "▲" : "▼"} {formatWithUnit(Math.abs(delta), scenario.unit)} vs baseline
            </span>
          )}
          {b && Math.abs(delta) <= 1e-9 && <span className="readout-delta same">same as baseline</span>}
        </p>
      </figcaption>
      <div className="chart" role="img" aria-label={description}>
        <FanChart scenario={scenario} baseline={baseline} onDraw={onDraw} observed={observed} />
      </div>
      <ObservationList observations={observations} unit={scenario.unit} />
      <TableToggle label="Table of this chart">
        {() => <IndicatorTable scenario={scenario} baseline={baseline} />}
      </TableToggle>
      {drivers && <TableToggle label="What drives this?">{drivers}</TableToggle>}
    </figure>
  )
}
