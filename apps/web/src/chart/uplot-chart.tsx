import { useEffect, useRef } from "react"
import uPlot, { type AlignedData, type Options } from "uplot"
import "uplot/dist/uPlot.min.css"

export interface UPlotChartProps {
  /** Options without size; the chart takes its container's width. */
  readonly options: Omit<Options, "width" | "height">
  readonly data: AlignedData
  readonly height: number
  /** Called once the chart shows `data`: after its redraw, or at once while it is off screen. */
  readonly onDraw?: (data: AlignedData) => void
}

/**
 * A uPlot canvas owned by React. The plot is created once per options object;
 * new data goes through setData, which redraws without rebuilding the chart.
 * A chart scrolled out of view keeps its new data and draws it when it comes
 * back, so a lever move only pays for the charts on screen.
 */
export const UPlotChart = ({ options, data, height, onDraw }: UPlotChartProps) => {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const visible = useRef(true)
  const pending = useRef(false)
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
    const seen = new IntersectionObserver(
      (entries) => {
        visible.current = entries.some((e) => e.isIntersecting)
        if (visible.current && pending.current) {
          pending.current = false
          u.setData(latest.current)
        }
      },
      { rootMargin: "200px" },
    )
    seen.observe(el)
    return () => {
      seen.disconnect()
      resize.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [options, height])

  useEffect(() => {
    const u = plot.current
    if (!u || u.data === data) return
    if (visible.current) u.setData(data)
    else {
      pending.current = true
      drawn.current?.(data)
    }
  }, [data])

  return <div ref={host} className="uplot-host" />
}
