import { lazy, Suspense, useEffect, useState } from "react"
import type { PackSummary } from "./api.js"
import { routeHref, useRoute, type View } from "./hash-route.js"
import { loadPackCatalog } from "./pack-store.js"
import { decodeSpec } from "./spec-codec.js"

// Each view is its own chunk: the first view downloads only what it draws.
const PackView = lazy(() => import("./pack/pack-view.js").then((m) => ({ default: m.PackView })))
const BuilderView = lazy(() => import("./builder/builder-view.js").then((m) => ({ default: m.BuilderView })))
const CompareView = lazy(() => import("./compare/compare-view.js").then((m) => ({ default: m.CompareView })))
const ExercisePage = lazy(() =>
  import("./exercise/exercise-page.js").then((m) => ({ default: m.ExercisePage })),
)
const TimelineView = lazy(() =>
  import("./timeline/timeline-view.js").then((m) => ({ default: m.TimelineView })),
)

const nav: ReadonlyArray<{ view: View; label: string }> = [
  { view: "pack", label: "Commitments" },
  { view: "build", label: "Build a scenario" },
  { view: "compare", label: "Compare" },
  { view: "timeline", label: "Timeline" },
  { view: "exercise", label: "Classroom" },
]

/** The shell: header, navigation, the current view. */
export const App = () => {
  const route = useRoute()
  const [packs, setPacks] = useState<ReadonlyArray<PackSummary> | undefined>()
  const [error, setError] = useState<Error | undefined>()
  useEffect(() => {
    loadPackCatalog().then(setPacks, setError)
  }, [])

  useEffect(() => {
    const label = nav.find((n) => n.view === route.view)?.label ?? "Accord"
    document.title = `${label} · Accord`
  }, [route.view])

  const encoded = route.params.get("s")
  const packId = (encoded && decodeSpec(encoded)?.pack) || route.params.get("pack") || packs?.[0]?.id

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand" href={routeHref("pack")}>
          <span className="brand-mark" aria-hidden="true" />
          Accord
        </a>
        <span className="tagline">what-if simulator for international commitments</span>
        <nav aria-label="Main">
          <ul>
            {nav.map((n) => (
              <li key={n.view}>
                <a href={routeHref(n.view)} aria-current={route.view === n.view ? "page" : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {error && <p role="alert">Could not reach the Accord API: {error.message}</p>}
        {!packId && !error && <p aria-live="polite">Loading…</p>}
        {packId && (
          <Suspense fallback={<p aria-live="polite">Loading…</p>}>
            {route.view === "pack" && <PackView packId={packId} />}
            {route.view === "build" && (
              <BuilderView key={encoded ?? "new"} packId={packId} encoded={encoded} />
            )}
            {route.view === "compare" && <CompareView packId={packId} params={route.params} />}
            {route.view === "timeline" && <TimelineView packId={packId} params={route.params} />}
            {route.view === "exercise" && <ExercisePage packId={packId} params={route.params} />}
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <p>
          Accord is a teaching model, not a forecast. <a href="/docs">API documentation</a>
        </p>
      </footer>
    </>
  )
}
