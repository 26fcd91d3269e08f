/**
 * Writes the committed deployment files from the code that makes them:
 * `gateway/deploy/haproxy.cfg` and `gateway/deploy/kubernetes/hub.yaml`
 * (the unit tests check that they agree). Run after changing either module:
 * `pnpm --filter @bdp/gateway run write-deploy`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exampleLayout, haproxyConfig } from "./haproxy.js";
import { kubernetesYaml } from "./kubernetes.js";

const deploy = (path: string) => fileURLToPath(new URL(`../../deploy/${path}`, import.meta.url));
writeFileSync(deploy("haproxy.cfg"), haproxyConfig(exampleLayout()));
mkdirSync(deploy("kubernetes"), { recursive: true });
writeFileSync(deploy("kubernetes/hub.yaml"), kubernetesYaml());
