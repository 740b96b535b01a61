import { useEffect, useState } from "react"

export type View = "pack" | "build" | "compare" | "timeline" | "exercise"

export interface Route {
  readonly view: View
  readonly params: URLSearchParams
}

const views: ReadonlyArray<View> = ["pack", "build", "compare", "timeline", "exercise"]

/** Reads `#/view?params`; hash routing works behind any static file server. */
export const parseRoute = (hash: string): Route => {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?", 2)
  const view = views.find((v) => v === path) ?? "pack"
  return { view, params: new URLSearchParams(query) }
}

/** Builds a hash link to a view. */
export const routeHref = (view: View, params: Record<string, string | undefined> = {}): string => {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, v)
  const q = query.toString()
  return `#/${view}${q ? `?${q}` : ""}`
}

/** Replaces the current hash without adding a history entry (lever moves would flood it). */
export const replaceRoute = (href: string): void => {
  if (window.location.hash !== href) window.history.replaceState(null, "", href)
}

/** The current route, updated on navigation. */
export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener("hashchange", onChange)
    return () => window.removeEventListener("hashchange", onChange)
  }, [])
  return route
}
