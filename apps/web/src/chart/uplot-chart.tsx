import { useEffect, useRef } from "react"
import uPlot, { type AlignedData, type Options } from "uplot"
import "uplot/dist/uPlot.min.css"

export interface UPlotChartProps {
  /** Options without size; the chart takes its container's width. */
  readonly options: Omit<Options, "width" | "height">
  readonly data: AlignedData
  readonly height: number
  /** Called after every redraw, with the data that was drawn. */
  readonly onDraw?: (data: AlignedData) => void
}

/**
 * A uPlot canvas owned by React. The plot is created once per options object;
 * new data goes through setData, which redraws without rebuilding the chart.
 */
export const UPlotChart = ({ options, data, height, onDraw }: UPlotChartProps) => {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const drawn = useRef(onDraw)
  drawn.current = onDraw
  const latest = useRef(data)
  latest.current = data

  useEffect(() => {
    const el = host.current
    if (!el) return
    const width = Math.max(280, el.clientWidth)
    const u = new uPlot(
      {
        ...options,
        width,
        height,
        hooks: { ...options.hooks, draw: [(p) => drawn.current?.(p.data)] },
      },
      latest.current,
      el,
    )
    plot.current = u
    const resize = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth)
      if (Math.abs(w - u.width) > 1) u.setSize({ width: w, height })
    })
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [options, height])

  useEffect(() => {
    if (plot.current && plot.current.data !== data) plot.current.setData(data)
  }, [data])

  return <div ref={host} className="uplot-host" />
}
