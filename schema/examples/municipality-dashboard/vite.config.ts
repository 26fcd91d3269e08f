import { defineConfig } from "vite";

/** `pnpm dashboard`: the example view on a dev server; the test builds it with this config. */
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true },
  server: { host: "127.0.0.1", port: 5173 },
});
