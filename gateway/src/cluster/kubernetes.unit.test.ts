import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { supergraphSubgraphs } from "../supergraph.js";
import { SERVICES, SETTINGS_DATA, kubernetesYaml } from "./kubernetes.js";

/**
 * The Kubernetes manifests (issue #13, item 6), checked offline: the
 * committed file is what the code makes, every object passes the Kubernetes
 * schema (kubernetes-models' validation), and the parts that keep the hub up
 * are there. No cluster runs here.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const committed = readFileSync(`${root}gateway/deploy/kubernetes/hub.yaml`, "utf8");
type Manifest = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };
const objects = parseAllDocuments(committed).map((d) => d.toJSON() as Manifest);
const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);

describe("the Kubernetes manifests", () => {
  it("gateway/deploy/kubernetes/hub.yaml is what kubernetesManifests() makes, and every object passes its schema", () => {
    // kubernetesYaml validates each object before it writes it
    expect(committed).toBe(kubernetesYaml());
    expect(objects.map((o) => o.kind).sort()).toEqual(["ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", ...Array(6).fill("Deployment"), ...Array(6).fill("Service")].sort());
  });

  it("the schema check refuses what Kubernetes would (the check can fail)", () => {
    const broken = new Deployment({ metadata: { name: "x" }, spec: { selector: { matchLabels: { a: "x" } }, template: { spec: { containers: [{ name: "x", ports: [{ containerPort: "http" as never }] }] } } } });
    expect(() => broken.validate()).toThrow(/containerPort/);
  });

  it("a Deployment and a Service for the gateway and each subgraph of the supergraph, on its port", () => {
    const supergraph = readFileSync(`${root}schema/supergraph.graphql`, "utf8");
    const expected = Object.fromEntries([["gateway", 4000], ...supergraphSubgraphs(supergraph).map((s) => [s.name, Number(new URL(s.url).port)])]);
    expect(Object.fromEntries(ofKind("Service").map((s) => [s.metadata.name, s.spec.ports[0].port]))).toEqual(expected);
    expect(Object.fromEntries(ofKind("Deployment").map((d) => [d.metadata.name, d.spec.template.spec.containers[0].ports[0].containerPort]))).toEqual(expected);
  });

  it("readiness and liveness on the services' own endpoints, and time to drain before a pod is killed", () => {
    for (const d of ofKind("Deployment")) {
      const pod = d.spec.template.spec;
      const c = pod.containers[0];
      expect(c.readinessProbe.httpGet, d.metadata.name).toEqual({ path: "/health/ready", port: c.ports[0].containerPort });
      expect(c.livenessProbe.httpGet, d.metadata.name).toEqual({ path: "/health/live", port: c.ports[0].containerPort });
      expect(pod.terminationGracePeriodSeconds, d.metadata.name).toBeGreaterThanOrEqual(Number(SETTINGS_DATA.SHUTDOWN_DRAIN_MS) / 1000 + 10);
      expect(d.spec.strategy.rollingUpdate.maxUnavailable, "a rollout never takes a replica away first").toBe(0);
      expect(existsSync(`${root}${c.command.at(-1)}`), `${d.metadata.name}'s entry point`).toBe(true);
    }
  });

  it("keys and the database's address come from the Secret, settings from the ConfigMap, and no secret sits in the ConfigMap", () => {
    for (const d of ofKind("Deployment")) {
      const env = d.spec.template.spec.containers[0].env as { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string } } }[];
      for (const name of ["HUB_SIGNING_KEY", "AUTH_JWT_SECRET", "DATABASE_URL"]) {
        const entry = env.find((e) => e.name === name);
        if (entry) expect(entry.valueFrom?.secretKeyRef.name, `${d.metadata.name} ${name}`).toBe("bdp-hub-secrets");
      }
      expect(env.some((e) => e.name === "HUB_SIGNING_KEY"), d.metadata.name).toBe(true);
    }
    expect(Object.keys(ofKind("ConfigMap")[0]!.data!).filter((k) => /SECRET|KEY|PASSWORD|DATABASE_URL|TOKEN/.test(k))).toEqual([]);
  });

  it("the gateway scales with its CPU and keeps one replica through a voluntary disruption", () => {
    const [hpa] = ofKind("HorizontalPodAutoscaler");
    expect(hpa!.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "gateway" });
    expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const [pdb] = ofKind("PodDisruptionBudget");
    expect(pdb!.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "gateway" } } });
    expect(SERVICES.find((s) => s.name === "gateway")!.replicas).toBeGreaterThan(pdb!.spec.minAvailable);
  });

  it("the Dockerfile installs every package of the workspace before it copies the code", () => {
    const dockerfile = readFileSync(`${root}gateway/deploy/Dockerfile`, "utf8");
    const packages = ["gateway", "schema", "test", ...["subgraphs", "plugins"].flatMap((d) => readdirSync(`${root}${d}`).map((p) => `${d}/${p}`))].filter((p) => existsSync(`${root}${p}/package.json`));
    for (const p of packages) expect(dockerfile, p).toContain(`COPY ${p}/package.json ${p}/`);
    expect(dockerfile.indexOf("pnpm install --frozen-lockfile")).toBeLessThan(dockerfile.indexOf("COPY . ."));
  });
});
