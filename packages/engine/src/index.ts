export * from "./report.js"
export * from "./render/index.js"
