export * from "./backtest.js"
export * from "./canonical-json.js"
export * from "./compare.js"
export { type CompiledModel, compileModel, type ModelCommitment } from "./compiled-model.js"
export * from "./conditioning.js"
export * from "./debrief/index.js"
export * from "./engine-errors.js"
export * from "./indicator-fold.js"
export {
  HEADLINE_INDICATOR,
  INDICATOR_IDS,
  type IndicatorId,
  MODEL_PARAMETER_IDS,
  SECTOR_INDICATOR,
} from "./indicator-formulas.js"
export * from "./model-version.js"
export * from "./render/index.js"
export * from "./report.js"
export * from "./simulate.js"
export * from "./simulation-chunk.js"
export * from "./trajectory.js"
export * from "./trajectory-event.js"
export * from "./weighted-statistics.js"
