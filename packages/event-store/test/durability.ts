import { spawn } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, type Layer, ManagedRuntime } from "effect"
import ts from "typescript"
import { expect } from "vitest"
import { checkpointStart, EventStore, type RecordedEvent } from "../src/index.js"

const packageDir = fileURLToPath(new URL("..", import.meta.url))

/**
 * Transpiles the writer and the store's sources to plain JavaScript once per test file. Under tsx every
 * restart paid seconds of loader hooks; plain node starts in well under one, so 20 restarts fit the budget.
 * The output sits in this package's node_modules so that `effect` and the drivers resolve as usual.
 */
export const compileWriter = (): { readonly script: string; readonly remove: () => void } => {
  const out = join(packageDir, "node_modules", ".cache", `durability-${process.pid}-${Date.now()}`)
  const files = [
    ...readdirSync(join(packageDir, "src"))
      .filter((name) => name.endsWith(".ts") && !name.includes(".spec."))
      .map((name) => join("src", name)),
    join("test", "durability-writer.ts"),
  ]
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(join(packageDir, file), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    })
    mkdirSync(join(out, file, ".."), { recursive: true })
    writeFileSync(join(out, file.replace(/\.ts$/, ".js")), outputText)
  }
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }))
  return {
    script: join(out, "test", "durability-writer.js"),
    remove: () => rmSync(out, { recursive: true, force: true }),
  }
}

/** Acknowledged batches, as "run/batch" → size. */
type Acks = Map<string, number>

// A small seeded generator so a failing run can be replayed with the same kill times.
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Starts the writer, lets it acknowledge at least one batch, waits a random while, then SIGKILLs it. */
const runAndKill = (script: string, args: ReadonlyArray<string>, run: number, waitMs: number, acks: Acks) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args, String(run)], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let buffer = ""
    let errors = ""
    let timer: NodeJS.Timeout | undefined
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8")
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        const [, r, n, size] = line.split(" ")
        acks.set(`${r}/${n}`, Number(size))
      }
      if (timer === undefined) timer = setTimeout(() => child.kill("SIGKILL"), waitMs)
    })
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString("utf8")
    })
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve()
      else reject(new Error(`writer exited on its own: ${errors}`))
    })
  })

const readEverything = Effect.gen(function* () {
  const store = yield* EventStore
  const events: Array<RecordedEvent> = []
  let checkpoint = checkpointStart
  for (;;) {
    const page = yield* store.readAll(checkpoint, 5000)
    events.push(...page.events)
    checkpoint = page.checkpoint
    if (page.events.length < 5000) return events
  }
})

/** Kills a writer 20 times; after each kill every acknowledged batch is stored and no batch is partial. */
export const checkDurability = async (
  writerArgs: ReadonlyArray<string>,
  reopen: () => Layer.Layer<EventStore, unknown>,
  seed: number,
) => {
  const random = lcg(seed)
  const acks: Acks = new Map()
  const writer = compileWriter()
  // One reader for the whole test: reopening per run would mostly measure connection and migration setup.
  const reader = ManagedRuntime.make(reopen())
  try {
    for (let run = 0; run < 20; run++) {
      await runAndKill(writer.script, writerArgs, run, Math.floor(random() * 60), acks)
      const events = await reader.runPromise(readEverything)
      const batches = new Map<string, { size: number; indexes: Array<number> }>()
      for (const event of events) {
        const data = event.data as { run: number; batch: number; index: number; size: number }
        const key = `${data.run}/${data.batch}`
        const batch = batches.get(key) ?? { size: data.size, indexes: [] }
        batch.indexes.push(data.index)
        batches.set(key, batch)
      }
      for (const [key, size] of acks) {
        expect(batches.get(key)?.indexes.length, `acknowledged batch ${key} after kill ${run}`).toBe(size)
      }
      for (const [key, batch] of batches) {
        expect(batch.indexes, `batch ${key} is whole and in order`).toEqual(
          Array.from({ length: batch.size }, (_, i) => i),
        )
      }
    }
  } finally {
    await reader.dispose()
    writer.remove()
  }
  return acks.size
}
