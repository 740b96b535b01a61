// `pnpm bench startup` (or `npx tsx apps/api/bench/startup.bench.ts`): how fast the shipped build starts, side
// by side with the old way (the same sources run through tsx) in one run, trials interleaved so that both see
// the same machine load (issue 15):
//   service ready     process start → first GET /api/health 200 (built: node dist/main.js, and `npm start`
//                     with a fresh dist/; tsx: node --import tsx src/main.ts, what `npm start` ran under pnpm)
//   service idle RSS  the service process once its memory has settled (worker threads start with the first large
//                     simulation; then the first 1,000-run POST /api/simulate and the RSS after it)
//   accord --help     and `accord run examples/baseline.yaml` (built: the bin; tsx: the old bin's loader)
//   pool warm-up      a pool of availableParallelism() workers, from `new Worker` to every worker's first reply
//                     to a one-run chunk (built: dist/simulation-worker.js; tsx: the worker registering tsx)
// BENCH_TRIALS (default 5) trials per case; medians are reported, with each budget's verdict on the wall clock
// and on CPU time (user + system of the processes measured, which a loaded machine inflates far less: on an
// idle machine the two are close for a single-threaded start).
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { build } from "../../../scripts/build.mjs"

const root = join(import.meta.dirname, "..", "..", "..")
const trials = Number(process.env.BENCH_TRIALS ?? 5)
const at = (...parts: Array<string>) => join(root, ...parts)

const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** This environment without the bench runner's npm_* settings, as a user's shell has it. */
const userEnv = (extra: Record<string, string>) => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_") && k !== "INIT_CWD"),
  ),
  ...extra,
})

const rssMb = (pid: number) => {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)
  return match === null ? Number.NaN : Number(match[1]) / 1024
}

/** The RSS once it stops moving (two reads 500 ms apart within 1 MB), at most 20 s after ready. */
const settledRss = async (pid: number) => {
  let last = rssMb(pid)
  for (let waited = 0; waited < 20_000; waited += 500) {
    await sleep(500)
    const now = rssMb(pid)
    if (Math.abs(now - last) < 1 && waited >= 2_000) return now
    last = now
  }
  return last
}

/** CPU ms (user + system, every thread) a live process has used: /proc/<pid>/stat, in clock ticks of 10 ms. */
const cpuMsOf = (pid: number, children = false) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? []
  // Fields 14–17 of stat (utime, stime, cutime, cstime) are 12–15 after the name's closing parenthesis.
  const ticks = [12, 13, ...(children ? [14, 15] : [])].reduce((sum, i) => sum + Number(fields[i - 1]), 0)
  return ticks * 10
}

interface ServiceWay {
  readonly name: string
  readonly command: string
  readonly args: ReadonlyArray<string>
}

const serviceWays: ReadonlyArray<ServiceWay> = [
  {
    name: "built: node dist/main.js",
    command: process.execPath,
    args: [at("apps", "api", "dist", "main.js")],
  },
  { name: "built: npm start", command: "npm", args: ["start"] },
  {
    name: "tsx: node --import tsx src/main.ts",
    command: process.execPath,
    args: ["--import", "tsx", at("apps", "api", "src", "main.ts")],
  },
]

/** One start: ms to the first /api/health 200, then the settled RSS of the service process, then SIGTERM. */
const startOnce = async (way: ServiceWay) => {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), "accord-bench-start-"))
  const started = performance.now()
  const child: ChildProcess = spawn(way.command, way.args, {
    cwd: root,
    env: userEnv({ PORT: String(port), DATA_DIR: dataDir }),
    stdio: "ignore",
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${way.name} exited with ${child.exitCode}`)
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      await sleep(10)
    }
    const readyMs = performance.now() - started
    // With npm start the service is npm's child (npm execs nothing itself); its pid is the one listening.
    const pid = way.command === "npm" ? await childPid(child.pid as number) : (child.pid as number)
    // CPU to ready: the service's own, plus npm's (and what it waited for) when npm started it.
    const readyCpuMs = cpuMsOf(pid, true) + (pid === child.pid ? 0 : cpuMsOf(child.pid as number, true))
    const rss = await settledRss(pid)
    // The first simulation large enough for the pool (1,000 runs, as the issue measured): it starts the workers.
    const asked = performance.now()
    const first = await fetch(`http://127.0.0.1:${port}/api/simulate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pack: "sybiha-visit-2025", runs: 1_000, seed: 7 }),
    })
    await first.text()
    if (first.status !== 200) throw new Error(`${way.name}: POST /api/simulate answered ${first.status}`)
    const firstSimulationMs = performance.now() - asked
    return { readyMs, readyCpuMs, rss, firstSimulationMs, rssWorking: await settledRss(pid) }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill("SIGTERM")
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const childPid = async (parent: number) => {
  const children = readFileSync(`/proc/${parent}/task/${parent}/children`, "utf8").trim().split(/\s+/)
  return Number(children[0])
}

/** CPU ms of this process's children that have ended (cutime + cstime). */
const reapedChildrenCpuMs = () => cpuMsOf(process.pid, true) - cpuMsOf(process.pid)

/** Runs a command to its end; resolves with its wall-clock ms and its CPU ms (this process's reaped children). */
const timeCommand = (command: string, args: ReadonlyArray<string>) =>
  new Promise<{ wall: number; cpu: number }>((resolve, reject) => {
    const started = performance.now()
    const cpuBefore = reapedChildrenCpuMs()
    const child = spawn(command, args, { cwd: root, env: userEnv({}), stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.once("exit", (code) =>
      code === 0
        ? resolve({ wall: performance.now() - started, cpu: reapedChildrenCpuMs() - cpuBefore })
        : reject(new Error(`${args.join(" ")}: ${code} ${stderr}`)),
    )
  })

// A plain-node child (no tsx in the main thread for either way) that starts the workers and times them.
const poolChild = `
import { Worker } from "node:worker_threads"
const [script, size, spec] = [process.argv[2], Number(process.argv[3]), JSON.parse(process.argv[4])]
const started = performance.now()
const cpu = process.cpuUsage()
await Promise.all(Array.from({ length: size }, () => new Promise((resolve, reject) => {
  const worker = new Worker(new URL(script))
  worker.once("message", (reply) => (reply.ok ? resolve(worker.terminate()) : reject(new Error(reply.error))))
  worker.once("error", reject)
  worker.postMessage({ kind: "chunk", spec, fromRun: 0, toRun: 1 })
})))
const used = process.cpuUsage(cpu)
console.log(JSON.stringify({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }))
`

// A file, not `node -e`: workers inherit the process's flags, and `--input-type` is not one they accept.
const poolChildFile = join(mkdtempSync(join(tmpdir(), "accord-bench-pool-")), "pool-warm.mjs")
writeFileSync(poolChildFile, poolChild)

const poolWarmOnce = (script: string, spec: unknown) =>
  new Promise<{ wall: number; cpu: number }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [poolChildFile, script, String(availableParallelism()), JSON.stringify(spec)],
      { cwd: root, env: userEnv({}), stdio: ["ignore", "pipe", "inherit"] },
    )
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()))
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`pool child ${code}`)),
    )
  })

/** One case's samples, side by side: wall-clock ms (or MB), and CPU ms where it applies. */
interface Case {
  readonly name: string
  readonly budget: number
  readonly unit: "ms" | "MB"
  readonly built: Array<number>
  readonly tsx: Array<number>
  readonly builtCpu: Array<number>
  readonly tsxCpu: Array<number>
}

const newCase = (name: string, budget: number, unit: "ms" | "MB"): Case => ({
  name,
  budget,
  unit,
  built: [],
  tsx: [],
  builtCpu: [],
  tsxCpu: [],
})

const verdict = (value: number, budget: number) => (value <= budget ? "met" : "not met")

/** The rows of one case: medians, the tsx ÷ built ratios, and the budget's verdicts (wall, and CPU). */
const rowsOf = (c: Case) => {
  const [built, tsx, builtCpu, tsxCpu] = [c.built, c.tsx, c.builtCpu, c.tsxCpu].map(median) as [
    number,
    number,
    number,
    number,
  ]
  const hasCpu = c.builtCpu.length > 0
  const hasBudget = !Number.isNaN(c.budget)
  return [
    { case: c.name, measure: "built (median)", value: Math.round(built), unit: c.unit },
    ...(hasCpu
      ? [{ case: c.name, measure: "built CPU (median)", value: Math.round(builtCpu), unit: "ms" }]
      : []),
    { case: c.name, measure: "tsx (median)", value: Math.round(tsx), unit: c.unit },
    ...(hasCpu ? [{ case: c.name, measure: "tsx CPU (median)", value: Math.round(tsxCpu), unit: "ms" }] : []),
    { case: c.name, measure: "tsx ÷ built", value: Number((tsx / built).toFixed(1)), unit: "×" },
    ...(hasCpu
      ? [
          {
            case: c.name,
            measure: "tsx ÷ built (CPU)",
            value: Number((tsxCpu / builtCpu).toFixed(1)),
            unit: "×",
          },
        ]
      : []),
    ...(hasBudget
      ? [{ case: c.name, measure: `budget ≤ ${c.budget} ${c.unit}`, value: verdict(built, c.budget) }]
      : []),
    ...(hasBudget && hasCpu
      ? [{ case: c.name, measure: `budget on CPU time`, value: verdict(builtCpu, c.budget) }]
      : []),
  ]
}

const main = async () => {
  await build(["api", "cli"])
  const { decodeScenarioSpec, packCatalog } = await import("@accord/domain")
  const { Either } = await import("effect")
  const decoded = decodeScenarioSpec({ pack: "sybiha-visit-2025", runs: 1 }, packCatalog)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  const spec = decoded.right

  const ready = newCase("service ready (first /api/health 200)", 1500, "ms")
  const viaNpm = newCase("service ready via npm start (built; tsx column: src/main.ts)", 1500, "ms")
  const rss = newCase("service idle RSS", 120, "MB")
  const firstSim = newCase("first 1,000-run POST /api/simulate (workers start)", Number.NaN, "ms")
  const rssAfter = newCase("service RSS after it (workers up)", Number.NaN, "MB")
  const help = newCase("accord --help", 300, "ms")
  const run = newCase("accord run examples/baseline.yaml", 800, "ms")
  const pool = newCase(`pool warm-up (${availableParallelism()} workers)`, 500, "ms")
  const builtBin = at("apps", "cli", "bin", "accord.mjs")
  const tsxCli = ["--import", "tsx", at("apps", "cli", "src", "main.ts")]
  const baseline = at("examples", "baseline.yaml")
  const workers = {
    built: pathToFileURL(at("apps", "api", "dist", "simulation-worker.js")).href,
    tsx: pathToFileURL(at("apps", "api", "src", "simulation", "simulation-worker.dev.mjs")).href,
  }
  const push = (c: Case, way: "built" | "tsx", sample: { wall: number; cpu?: number }) => {
    c[way].push(sample.wall)
    if (sample.cpu !== undefined) c[way === "built" ? "builtCpu" : "tsxCpu"].push(sample.cpu)
  }
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  )

  for (let trial = 1; trial <= trials; trial++) {
    for (const way of serviceWays) {
      const r = await startOnce(way)
      const side = way.name.startsWith("tsx") ? "tsx" : "built"
      if (way.command === "npm") push(viaNpm, "built", { wall: r.readyMs, cpu: r.readyCpuMs })
      else {
        push(ready, side, { wall: r.readyMs, cpu: r.readyCpuMs })
        if (side === "tsx") push(viaNpm, "tsx", { wall: r.readyMs, cpu: r.readyCpuMs })
        push(rss, side, { wall: r.rss })
        push(firstSim, side, { wall: r.firstSimulationMs })
        push(rssAfter, side, { wall: r.rssWorking })
      }
      console.log(
        `trial ${trial} ${way.name}: ready ${r.readyMs.toFixed(0)} ms (CPU ${r.readyCpuMs} ms), idle RSS ${r.rss.toFixed(0)} MB, first 1,000-run simulation ${r.firstSimulationMs.toFixed(0)} ms, then RSS ${r.rssWorking.toFixed(0)} MB`,
      )
    }
    push(help, "built", await timeCommand(process.execPath, [builtBin, "--help"]))
    push(help, "tsx", await timeCommand(process.execPath, [...tsxCli, "--help"]))
    push(run, "built", await timeCommand(process.execPath, [builtBin, "run", baseline]))
    push(run, "tsx", await timeCommand(process.execPath, [...tsxCli, "run", baseline]))
    push(pool, "built", await poolWarmOnce(workers.built, spec))
    push(pool, "tsx", await poolWarmOnce(workers.tsx, spec))
    const last = (c: Case) =>
      `${c.built.at(-1)?.toFixed(0)} (CPU ${c.builtCpu.at(-1)?.toFixed(0)}) / ${c.tsx.at(-1)?.toFixed(0)} (CPU ${c.tsxCpu.at(-1)?.toFixed(0)}) ms`
    console.log(`trial ${trial} built / tsx: --help ${last(help)}, run ${last(run)}, pool ${last(pool)}`)
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  )

  const rows = [ready, viaNpm, rss, help, run, pool, firstSim, rssAfter].flatMap(rowsOf)
  console.log(
    `\n${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, ${trials} trials per case`,
  )
  console.table(rows)
  console.log(`BENCH_JSON ${JSON.stringify({ rows })}`)
}

await main()
