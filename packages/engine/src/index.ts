export * from "./report.js"
