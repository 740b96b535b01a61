import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const dist = join(import.meta.dirname, "..", "dist")

interface ManifestChunk {
  readonly file: string
  readonly css?: ReadonlyArray<string>
}

/** Every module the build put in a chunk, read from the chunk's (hidden) source map. */
const bundledModules = async (): Promise<ReadonlyArray<string>> => {
  const manifest = JSON.parse(await readFile(join(dist, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >
  const chunks = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith(".js"))
  expect(chunks.length).toBeGreaterThan(0)
  const modules: Array<string> = []
  for (const chunk of chunks) {
    const map = JSON.parse(await readFile(join(dist, `${chunk}.map`), "utf8")) as { sources: Array<string> }
    modules.push(...map.sources)
  }
  return modules
}

// The browser reaches data over HTTP only: the engine, the packs and the schema library stay on the server.
const forbidden: ReadonlyArray<readonly [string, RegExp]> = [
  ["effect", /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?effect\//],
  ["the engine", /packages\/engine\//],
  ["a pack", /packages\/domain\/src\/packs\//],
  ["a domain schema module", /packages\/domain\/src\/(?!facts\/|lifecycle\.ts$)/],
]

describe("the web bundle", () => {
  it("holds no engine, pack or effect module", async () => {
    const modules = await bundledModules()
    // The app's own modules are in it: the maps do list what the chunks hold.
    expect(modules.some((m) => m.includes("src/timeline/timeline-view.tsx"))).toBe(true)
    for (const [what, pattern] of forbidden) {
      expect(
        modules.filter((m) => pattern.test(m)),
        `${what} is in the bundle`,
      ).toEqual([])
    }
  })
})
