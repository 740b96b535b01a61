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
    rollupOptions: {
      // The domain package's modules only declare schemas and the lifecycle
      // machine; telling Rollup so lets the diagram chunk take the machine
      // (and xstate) without pulling effect's Schema into the browser.
      treeshake: {
        moduleSideEffects: (id) => !id.includes("/packages/domain/") && !id.includes("/packages/engine/"),
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
})
