export * from "./built-in-packs.js"
export * from "./cross-check-pack.js"
export * from "./load-pack.js"
export * from "./pack-invalid.js"
