import { useEffect, useState } from "react"
import { fetchTrajectory, type Report, type ReportTrajectory, type SpecInput, simulate } from "../api.js"

/** The spec's report and its representative run's events (undefined while they load or when the API fails). */
export const useRepresentativeRun = (spec: SpecInput | undefined, onError: (message: string) => void) => {
  const [report, setReport] = useState<Report | undefined>()
  const [run, setRun] = useState<ReportTrajectory | undefined>()
  useEffect(() => {
    if (!spec) return
    let live = true
    simulate(spec, undefined, true).then(
      (r) => {
        if (!live) return
        setReport(r)
        fetchTrajectory(r.hash, r.representativeRun.index).then(
          (t) => live && setRun(t),
          (e: Error) => {
            if (!live) return
            setRun(undefined)
            onError(`Could not replay the representative run: ${e.message}`)
          },
        )
      },
      (e: Error) => live && onError(e.message),
    )
    return () => {
      live = false
    }
  }, [spec, onError])
  return { report, run }
}

/** The month shown, kept within the horizon; Play walks the months, one every 0.6 s, and stops at the horizon. */
export const useMonthPlayer = (horizon: number) => {
  const [chosen, setMonth] = useState(0)
  const [playing, setPlaying] = useState(false)
  const month = Math.min(chosen, horizon)
  useEffect(() => {
    if (!playing) return
    if (month >= horizon) {
      setPlaying(false)
      return
    }
    const timer = setTimeout(() => setMonth(Math.min(month + 1, horizon)), 600)
    return () => clearTimeout(timer)
  }, [playing, month, horizon])
  const togglePlay = () => {
    if (!playing && month >= horizon) setMonth(0)
    setPlaying(!playing)
  }
  return { month, setMonth, playing, togglePlay }
}
