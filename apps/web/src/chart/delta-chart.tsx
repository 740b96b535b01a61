import { useMemo } from "react"
import type { AlignedData, Options } from "uplot"
import type { Schemas } from "../api-client.js"
import { theme } from "./chart-theme.js"
import { UPlotChart } from "./uplot-chart.js"
import { valueTicks } from "./value-axis.js"

type IndicatorComparison = Schemas["IndicatorComparison"]

const deltaOptions = (unit: string): Omit<Options, "width" | "height"> => ({
  legend: { show: false },
  cursor: { drag: { x: false, y: false } },
  scales: { x: { time: false } },
  axes: [
    {
      label: "Month after the visit",
      stroke: theme.axis,
      font: theme.font,
      labelFont: theme.font,
      grid: { stroke: theme.grid },
    },
    {
      label: `Δ ${unit}`,
      stroke: theme.axis,
      font: theme.font,
      labelFont: theme.font,
      size: 64,
      grid: { stroke: theme.grid },
      ...valueTicks(unit),
    },
  ],
  series: [
    { label: "month" },
    { label: "zero", stroke: theme.zero, width: 1, dash: [4, 4], points: { show: false } },
    { label: "delta p10", stroke: "transparent", points: { show: false } },
    { label: "delta p90", stroke: "transparent", points: { show: false } },
    { label: "delta p50", stroke: theme.delta, width: 3, points: { show: false } },
  ],
  bands: [{ series: [3, 2], fill: theme.deltaBand }],
})

/** Per-month paired difference (variant − baseline): p10–p90 band, p50 line, zero line. */
export const DeltaChart = ({
  comparison,
  height = 200,
}: {
  readonly comparison: IndicatorComparison
  readonly height?: number
}) => {
  const options = useMemo(() => deltaOptions(comparison.unit), [comparison.unit])
  const data = useMemo(() => {
    const s = comparison.series
    return [
      s.map((r) => r.month),
      s.map(() => 0),
      s.map((r) => r.deltaP10),
      s.map((r) => r.deltaP90),
      s.map((r) => r.deltaP50),
    ] as AlignedData
  }, [comparison])
  return <UPlotChart options={options} data={data} height={height} />
}
