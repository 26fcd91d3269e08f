// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Lint for the whole workspace (`pnpm lint`, part of `pnpm test` and CI):
 * the recommended JavaScript and TypeScript rules, and the architecture's
 * import boundaries (which package and kit module may import what; the
 * architecture test checks the same on the package graph).
 */
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/.data/**", "schema/src/client/generated/**", "bench-results/**", "test/screenshots/**", "schema/examples/**/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", performance: "readonly", AbortSignal: "readonly", Response: "readonly", Headers: "readonly", global: "readonly", structuredClone: "readonly", URLSearchParams: "readonly", document: "readonly", window: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
);
