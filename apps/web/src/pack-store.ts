import { useEffect, useState } from "react"
import { fetchPack, fetchPacks, type PackDetail, type PackSummary } from "./api.js"

const packs = new Map<string, Promise<PackDetail>>()
let catalog: Promise<ReadonlyArray<PackSummary>> | undefined

/** Packs change only with a deploy, so one fetch per page load is enough. */
export const loadPack = (id: string): Promise<PackDetail> => {
  let p = packs.get(id)
  if (!p) {
    p = fetchPack(id)
    packs.set(id, p)
    p.catch(() => packs.delete(id))
  }
  return p
}

/** The list of built-in packs, fetched once. */
export const loadPackCatalog = (): Promise<ReadonlyArray<PackSummary>> => {
  if (!catalog) {
    catalog = fetchPacks()
    catalog.catch(() => {
      catalog = undefined
    })
  }
  return catalog
}

/** A pack's detail, or the error that stopped it. */
export const usePack = (id: string | undefined): { pack?: PackDetail; error?: Error } => {
  const [state, setState] = useState<{ pack?: PackDetail; error?: Error }>({})
  useEffect(() => {
    if (!id) return
    let live = true
    loadPack(id).then(
      (pack) => live && setState({ pack }),
      (error: Error) => live && setState({ error }),
    )
    return () => {
      live = false
    }
  }, [id])
  return state.pack?.id === id || state.error ? state : {}
}
