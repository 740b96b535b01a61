/**
 * Lever change → redrawn charts in the built web app, through the real API,
 * against the API alone (POST /api/simulate from Node, same specs) measured in
 * the same run; plus the gzipped JavaScript of the first views.
 *
 *   npx tsx apps/web/bench/lever-latency.bench.ts [changes=20]
 */
import { availableParallelism, cpus } from "node:os"
import {
  firstViewScriptBytes,
  measureLeverLatency,
  openPage,
  quantile,
  startHarness,
} from "../test/browser-harness.js"
import buildWeb from "../test/build-web.setup.js"
import { nextReport } from "../test/builder-page.js"

const changes = Number(process.argv[2] ?? 20)
await buildWeb()
const h = await startHarness()
try {
  // Baseline: the API alone, for the specs the slider produces (coverage 0.35 and 0.30 in turn).
  const spec = (coverage: number) => ({
    pack: "sybiha-visit-2025",
    horizonMonths: 24,
    runs: 1000,
    seed: 1,
    interventions: [{ type: "sanctions-package", month: 3, coverage, enforcement: 0.8 }],
  })
  const api: number[] = []
  for (let i = 0; i < changes + 3; i++) {
    const started = performance.now()
    const response = await fetch(`${h.baseUrl}/api/simulate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(spec(i % 2 === 0 ? 0.35 : 0.3)),
    })
    await response.arrayBuffer()
    if (i >= 3) api.push(performance.now() - started) // the first requests warm the JIT
  }

  const page = await openPage(h, "#/build")
  let hash = await nextReport(page, null)
  await page.getByRole("button", { name: "+ Sanctions package" }).click()
  hash = await nextReport(page, hash)
  const { latencies, apiMs } = await measureLeverLatency(page, changes)
  await page.context().close()

  const pack = await firstViewScriptBytes(h.browser, `${h.baseUrl}/`, ".lifecycle-svg")
  const builder = await firstViewScriptBytes(
    h.browser,
    `${h.baseUrl}/#/build`,
    "[data-testid=report-hash-full]",
  )

  const row = (name: string, values: ReadonlyArray<number>, base: ReadonlyArray<number>) => ({
    measure: name,
    n: values.length,
    "median ms": Number(quantile(values, 0.5).toFixed(1)),
    "p95 ms": Number(quantile(values, 0.95).toFixed(1)),
    "median ÷ API alone": Number((quantile(values, 0.5) / quantile(base, 0.5)).toFixed(2)),
  })
  console.log(
    `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? "?"}; default spec, 1,000 runs`,
  )
  const latency = [
    row("POST /api/simulate from Node (baseline)", api, api),
    row("POST /api/simulate seen by the browser", apiMs, api),
    row("lever change → redrawn charts (browser)", latencies, api),
  ]
  console.table(latency)
  const scripts = [
    {
      view: "pack overview (/)",
      files: pack.files.length,
      "raw KB": +(pack.raw / 1024).toFixed(1),
      "gzip KB": +(pack.gzip / 1024).toFixed(1),
    },
    {
      view: "builder (/#/build)",
      files: builder.files.length,
      "raw KB": +(builder.raw / 1024).toFixed(1),
      "gzip KB": +(builder.gzip / 1024).toFixed(1),
    },
  ]
  console.table(scripts)
  // One line for `pnpm bench` (scripts/bench.ts): every table row as { case, measure, value }.
  const figures = [...latency, ...scripts].flatMap((r) => {
    const [[, name], ...measures] = Object.entries(r)
    return measures.map(([measure, value]) => ({ case: String(name), measure, value }))
  })
  console.log(`BENCH_JSON ${JSON.stringify({ rows: figures })}`)
} finally {
  await h.close()
}
