/**
 * Writes the committed deployment files from the code that makes them:
 * `gateway/deploy/haproxy.cfg` and `gateway/deploy/kubernetes/hub.yaml`
 * (the unit tests check that they agree). Run after changing either module:
 * `node --conditions=source --import @swc-node/register/esm-register gateway/src/cluster/write-example.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EXAMPLE_LAYOUT, haproxyConfig } from "./haproxy.js";
import { kubernetesYaml } from "./kubernetes.js";

const deploy = (path: string) => fileURLToPath(new URL(`../../deploy/${path}`, import.meta.url));
writeFileSync(deploy("haproxy.cfg"), haproxyConfig(EXAMPLE_LAYOUT));
mkdirSync(deploy("kubernetes"), { recursive: true });
writeFileSync(deploy("kubernetes/hub.yaml"), kubernetesYaml());
