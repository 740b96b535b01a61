import { defineConfig } from "vite"
import { defaultModelCard, modelCardPage } from "./model-card-page.js"

// No React plugin: esbuild compiles TSX with the automatic runtime, and the
// app needs no fast refresh. The API serves `dist/` at `/`.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  esbuild: { jsx: "automatic" },
  plugins: [modelCardPage(defaultModelCard)],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // The web imports only the domain's schema-free entries (@accord/domain/facts, /lifecycle) and
    // types: no tree-shaking hint is needed to keep effect, the engine or a pack out of the bundle
    // (test/bundle-contents.unit.spec.ts reads the build's manifest to hold it so).
    manifest: true,
    // Maps without a link from the chunks: the bundle test reads which modules each chunk holds.
    sourcemap: "hidden",
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
})
