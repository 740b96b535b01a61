import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { lazy, Suspense } from "react"
import type { PackDetail } from "../api.js"
import { routeHref } from "../hash-route.js"
import { usePack } from "../pack-store.js"
import { CommitmentBoard } from "./commitment-board.js"

// The diagram brings the lifecycle machine (and xstate): its own chunk, loaded after the board.
const LifecycleDiagram = lazy(() => import("./lifecycle-diagram.js"))

/** Where each commitment stands at the end of month 0: the Expo National Day happened during the visit. */
const statesAtVisit = (commitments: PackDetail["commitments"]): ReadonlyMap<string, LifecycleState> =>
  new Map(
    commitments.map((c) => [c.id as string, c.implementedAtMonth === 0 ? "implemented" : c.initialState]),
  )

/** The pack overview: what was committed, where it stands at month 0, and how commitments move. */
export const PackView = ({ packId }: { readonly packId: string }) => {
  const { pack, error } = usePack(packId)
  if (error) return <p role="alert">Could not load the pack: {error.message}</p>
  if (!pack) return <p aria-live="polite">Loading the pack…</p>
  return (
    <div className="pack-view">
      <section className="intro panel" aria-labelledby="pack-h">
        <h1 id="pack-h">{pack.title}</h1>
        <p className="lead">{pack.summary}</p>
        <p className="hint">
          Source article: <cite>{pack.article.title.replace(/[.!?]+$/, "")}</cite>. {pack.article.note}
        </p>
        <p>
          <a className="button" href={routeHref("build")}>
            Build a scenario
          </a>
        </p>
      </section>
      <CommitmentBoard
        title="Commitments at the visit (month 0)"
        commitments={pack.commitments}
        states={statesAtVisit(pack.commitments)}
      />
      <Suspense fallback={<p aria-live="polite">Drawing the lifecycle…</p>}>
        <LifecycleDiagram />
      </Suspense>
    </div>
  )
}
