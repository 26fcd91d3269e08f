/** Writes `gateway/deploy/haproxy.cfg` from `haproxyConfig(EXAMPLE_LAYOUT)` (the unit test checks they agree). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EXAMPLE_LAYOUT, haproxyConfig } from "./haproxy.js";

writeFileSync(fileURLToPath(new URL("../../deploy/haproxy.cfg", import.meta.url)), haproxyConfig(EXAMPLE_LAYOUT));
