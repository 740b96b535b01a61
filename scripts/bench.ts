// `pnpm bench`: runs every benchmark of the workspace (packages/*/bench/*.bench.ts, apps/*/bench/*.bench.ts),
// one after another so that none disturbs another, shows each one's own output as it runs, then prints ONE
// table with every figure they reported.
//
// How a benchmark reports figures (the convention): print one line per table
//   BENCH_JSON {"rows":[{"case":"1,000 runs","measure":"steps/s","value":123456,"unit":"/s"}]}
//
//   pnpm bench                   every benchmark
//   pnpm bench -- engine store   only those whose path contains one of the words
//   pnpm bench -- --list         list them
import { spawn } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { availableParallelism, cpus, totalmem } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..")
const perBenchTimeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000)

/** One figure: which benchmark, which case (row), which measure (column), its value as printed. */
export interface Figure {
  readonly bench: string
  readonly case: string
  readonly measure: string
  readonly value: string
}

/** Every *.bench.ts under packages/*\/bench and apps/*\/bench, sorted. */
export const discoverBenches = (): ReadonlyArray<string> => {
  const found: Array<string> = []
  for (const group of ["packages", "apps"]) {
    const groupDir = join(root, group)
    if (!existsSync(groupDir)) continue
    for (const member of readdirSync(groupDir).sort()) {
      const benchDir = join(groupDir, member, "bench")
      if (!existsSync(benchDir)) continue
      for (const file of readdirSync(benchDir).sort()) {
        if (file.endsWith(".bench.ts")) found.push(relative(root, join(benchDir, file)))
      }
    }
  }
  return found
}

/** Figures from a benchmark's `BENCH_JSON {"rows":[{case, measure, value, unit?}]}` lines. */
export const figuresFrom = (bench: string, output: string): ReadonlyArray<Figure> =>
  output
    .split("\n")
    .filter((line) => line.startsWith("BENCH_JSON "))
    .flatMap((line) => {
      const { rows } = JSON.parse(line.slice("BENCH_JSON ".length)) as {
        rows: ReadonlyArray<{ case: string; measure: string; value: number | string; unit?: string }>
      }
      return rows.map((row) => ({
        bench,
        case: row.case,
        measure: row.measure,
        value: `${typeof row.value === "number" ? row.value.toLocaleString("en-US") : row.value}${row.unit === undefined ? "" : ` ${row.unit}`}`,
      }))
    })

/** Runs one benchmark with tsx, echoing its output, and resolves with what it printed and its exit code. */
const runBench = (file: string) =>
  new Promise<{ output: string; code: number | null; seconds: number }>((resolve) => {
    const started = performance.now()
    // node --import tsx, as `npx tsx` would, without npm in between (it warns about pnpm's environment).
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    })
    let output = ""
    const timer = setTimeout(() => child.kill("SIGTERM"), perBenchTimeoutMs)
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
      process.stdout.write(chunk)
    })
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk))
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ output, code, seconds: (performance.now() - started) / 1000 })
    })
  })

const printTable = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`
  console.log(line(headers))
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`)
  for (const row of rows) console.log(line(row))
}

const main = async () => {
  const args = process.argv.slice(2).filter((a) => a !== "--")
  const all = discoverBenches()
  if (args.includes("--list")) {
    for (const file of all) console.log(file)
    return
  }
  const words = args.filter((a) => !a.startsWith("--"))
  const chosen = words.length === 0 ? all : all.filter((file) => words.some((w) => file.includes(w)))
  const figures: Array<Figure> = []
  const outcomes: Array<{ file: string; code: number | null; seconds: number; figures: number }> = []
  for (const file of chosen) {
    console.log(`\n━━ ${file} ━━`)
    const { output, code, seconds } = await runBench(file)
    const found = figuresFrom(file, output)
    figures.push(...found)
    outcomes.push({ file, code, seconds, figures: found.length })
  }
  console.log(
    `\n━━ all benchmarks ━━ ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  )
  printTable(
    ["benchmark", "case", "measure", "value"],
    figures.map((f) => [
      f.bench.replace(/\/bench\/|\.bench\.ts$/g, (m) => (m === "/bench/" ? " › " : "")),
      f.case,
      f.measure,
      f.value,
    ]),
  )
  console.log("")
  for (const o of outcomes) {
    console.log(`${o.file}: exit ${o.code}, ${o.seconds.toFixed(0)} s, ${o.figures} figures`)
  }
  if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
