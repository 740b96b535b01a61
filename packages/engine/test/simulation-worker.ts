// A worker thread that simulates one chunk of runs, as the API's worker pool does.
import { parentPort, workerData } from "node:worker_threads"
import { getPack, type ScenarioSpec } from "@accord/domain"
import { simulateChunk, simulationChunkTransferables } from "../src/simulation-chunk.js"

const { spec, fromRun, toRun } = workerData as { spec: ScenarioSpec; fromRun: number; toRun: number }
const pack = getPack(spec.pack)
if (pack === undefined) throw new Error(`unknown pack ${spec.pack}`)
const chunk = simulateChunk(pack, spec, fromRun, toRun)
parentPort?.postMessage(chunk, simulationChunkTransferables(chunk))
