// The service's folders import one another in one direction only: a cycle between folders (app ↔ routes,
// http ↔ jobs) means neither can be read, tested or moved without the other.
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("../src", import.meta.url))

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : []
  })

/** The folder of a file under src, "." for src itself. */
const folderOf = (file: string) => relative(src, dirname(file)).split("/")[0] || "."

/** Relative imports and re-exports, type-only ones included (a cycle of types is a cycle all the same). */
const importsOf = (file: string): Array<string> =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  )

/** Folder → the folders it imports from. */
export const folderGraph = (files: ReadonlyArray<string>): Map<string, Set<string>> => {
  const graph = new Map<string, Set<string>>()
  for (const file of files) {
    const from = folderOf(file)
    const edges = graph.get(from) ?? new Set<string>()
    for (const target of importsOf(file)) {
      const to = folderOf(target)
      if (to !== from) edges.add(to)
    }
    graph.set(from, edges)
  }
  return graph
}

/** Every set of folders that reach one another (Tarjan's strongly connected components of two or more). */
export const cyclesOf = (graph: ReadonlyMap<string, ReadonlySet<string>>): Array<Array<string>> => {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const cycles: Array<Array<string>> = []
  const visit = (node: string) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number))
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node) as number, index.get(to) as number))
    }
    if (low.get(node) === index.get(node)) {
      const component: Array<string> = []
      for (let top = stack.pop(); top !== undefined; top = top === node ? undefined : stack.pop())
        component.push(top)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}

describe("apps/api/src folders", () => {
  it("import one another without cycles", () => {
    expect(cyclesOf(folderGraph(sourceFiles(src)))).toEqual([])
  })

  it("a cycle is found when there is one", () => {
    const graph = new Map([
      [".", new Set(["routes"])],
      ["routes", new Set(["http", "."])],
      ["http", new Set<string>()],
    ])
    expect(cyclesOf(graph)).toEqual([[".", "routes"]])
  })
})
