import { fileURLToPath } from "node:url";

/** The example dashboard's manifest, written by `pnpm codegen` (hash → document). */
export const DASHBOARD_MANIFEST = fileURLToPath(new URL("../../../schema/src/client/generated/persisted-documents.json", import.meta.url));
/** The client name the demo hub registers it under. */
export const DASHBOARD_CLIENT = "municipality-dashboard";
