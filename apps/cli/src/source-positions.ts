import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml"

/** Line and column (1-based) of an offset, as editors count them. */
export interface SourcePosition {
  readonly line: number
  readonly column: number
}

/**
 * Where the value at a dotted issue path ("interventions.0.month") sits in a
 * parsed YAML (or JSON) document. A path that ends at a missing key points at
 * the closest enclosing node; an unexpected key points at the key itself.
 * Keys that contain dots ("assumptions.cost.per-mw") are matched greedily.
 */
export const positionOfPath = (
  document: Document,
  lineCounter: LineCounter,
  path: string,
  pointAtKey: boolean,
): SourcePosition | undefined => {
  const segments = path === "" ? [] : path.split(".")
  let node: Node | null | undefined = document.contents
  let keyNode: Node | undefined
  let i = 0
  while (i < segments.length && node) {
    if (isMap(node)) {
      const map: typeof node = node
      const match = findKey(
        segments.slice(i),
        (key) => map.items.find((pair) => isPair(pair) && scalarText(pair.key) === key) ?? undefined,
      )
      if (match === undefined) break
      keyNode = match.pair.key as Node
      node = match.pair.value as Node | null
      i += match.consumed
      if (!node) break
    } else if (isSeq(node)) {
      const item = node.items[Number(segments[i])] as Node | undefined
      if (item === undefined || !/^\d+$/.test(segments[i] as string)) break
      keyNode = undefined
      node = item
      i += 1
    } else {
      break
    }
  }
  const found = i === segments.length
  const target = found && pointAtKey && keyNode !== undefined ? keyNode : (node ?? keyNode)
  const offset = target?.range?.[0]
  if (offset === undefined) return undefined
  const { line, col } = lineCounter.linePos(offset)
  return { line, column: col }
}

const scalarText = (node: unknown): string | undefined =>
  isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined

const findKey = <P>(
  rest: ReadonlyArray<string>,
  lookup: (key: string) => P | undefined,
): { pair: P; consumed: number } | undefined => {
  for (let k = rest.length; k >= 1; k--) {
    const pair = lookup(rest.slice(0, k).join("."))
    if (pair !== undefined) return { pair, consumed: k }
  }
  return undefined
}
