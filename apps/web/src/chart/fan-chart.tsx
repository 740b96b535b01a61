import { useMemo } from "react"
import type { AlignedData, Axis, Options } from "uplot"
import type { Schemas } from "../api-client.js"
import { theme } from "./chart-theme.js"
import { UPlotChart } from "./uplot-chart.js"
import { valueTicks } from "./value-axis.js"

type IndicatorSeries = Schemas["IndicatorSeries"]

export interface FanChartProps {
  readonly scenario: IndicatorSeries
  readonly baseline?: IndicatorSeries | undefined
  readonly height?: number
  readonly onDraw?: () => void
  /** What was observed, drawn as points at its month. */
  readonly observed?: ReadonlyArray<{ readonly month: number; readonly value: number }> | undefined
}

const axes = (unit: string): Axis[] => [
  {
    label: "Month after the visit",
    stroke: theme.axis,
    font: theme.font,
    labelFont: theme.font,
    grid: { stroke: theme.grid },
    ticks: { stroke: theme.grid },
  },
  {
    label: unit,
    stroke: theme.axis,
    font: theme.font,
    labelFont: theme.font,
    size: 64,
    grid: { stroke: theme.grid },
    ticks: { stroke: theme.grid },
    ...valueTicks(unit),
  },
]

const hidden = { stroke: "transparent", points: { show: false } } as const

/** uPlot options for a fan: baseline band and median under the scenario's band and median. */
const fanOptions = (unit: string, label: string): Omit<Options, "width" | "height"> => ({
  title: undefined,
  legend: { show: false },
  cursor: { drag: { x: false, y: false } },
  scales: { x: { time: false } },
  axes: axes(unit),
  series: [
    { label: "month" },
    { label: "baseline p10", ...hidden },
    { label: "baseline p90", ...hidden },
    { label: "baseline p50", stroke: theme.baseline, width: 2, dash: [8, 6], points: { show: false } },
    { label: `${label} p10`, ...hidden },
    { label: `${label} p90`, ...hidden },
    { label: "scenario p50", stroke: theme.scenario, width: 3, points: { show: false } },
    {
      label: "observed",
      stroke: theme.observed,
      fill: theme.observed,
      paths: () => null,
      points: { show: true, size: 10, width: 2, fill: "#ffffff" },
    },
  ],
  bands: [
    { series: [2, 1], fill: theme.baselineBand },
    { series: [5, 4], fill: theme.scenarioBand },
  ],
})

/** Columns for uPlot; a missing baseline draws nothing (nulls). */
const fanData = (
  scenario: IndicatorSeries,
  baseline: IndicatorSeries | undefined,
  observed: FanChartProps["observed"],
): AlignedData => {
  const s = scenario.series
  const b = baseline?.series
  const col = (rows: typeof s | undefined, key: "p10" | "p50" | "p90") =>
    s.map((_, i) => rows?.[i]?.[key] ?? null)
  // Where every run agrees (p10 = p90, e.g. money announced at the visit) the value is known: no band.
  const edge = (rows: typeof s | undefined, key: "p10" | "p90") =>
    s.map((_, i) => {
      const r = rows?.[i]
      return r === undefined || r.p10 === r.p90 ? null : r[key]
    })
  return [
    s.map((r) => r.month),
    edge(b, "p10"),
    edge(b, "p90"),
    col(b, "p50"),
    edge(s, "p10"),
    edge(s, "p90"),
    col(s, "p50"),
    // The last observation of a month stands for it (a point per month on a monthly axis).
    s.map((r) => observed?.filter((o) => o.month === r.month).at(-1)?.value ?? null),
  ] as AlignedData
}

/** A fan chart of one indicator: p10–p90 band and p50 line, the baseline's beneath, observations as points. */
export const FanChart = ({ scenario, baseline, height = 240, onDraw, observed }: FanChartProps) => {
  const options = useMemo(() => fanOptions(scenario.unit, scenario.label), [scenario.unit, scenario.label])
  const data = useMemo(() => fanData(scenario, baseline, observed), [scenario, baseline, observed])
  return <UPlotChart options={options} data={data} height={height} onDraw={onDraw} />
}
