/**
 * The hub on Kubernetes (issue #13, item 6): the manifests as code, written
 * to `gateway/deploy/kubernetes/hub.yaml` (a unit test checks the file
 * against this and every object against the Kubernetes schemas, offline,
 * with kubernetes-models). One image for every service (gateway/deploy/Dockerfile),
 * a Deployment and a Service per service, the settings in a ConfigMap, the
 * keys and the database URL in a Secret the operator creates, and for the
 * gateway a HorizontalPodAutoscaler and a PodDisruptionBudget.
 *
 * - Readiness is `/health/ready` (a subgraph whose database answers, a gateway
 *   whose subgraphs are ready and that serves the registry's supergraph),
 *   liveness `/health/live`.
 * - Termination: SIGTERM makes a service report not-ready and drain for
 *   SHUTDOWN_DRAIN_MS (5 s here) before it stops taking requests, and the pod's
 *   grace period leaves it 30 s to finish what is in flight.
 * - Migrations run at a subgraph's start, each in a transaction, the pods of
 *   one subgraph taking turns under an advisory lock (`migrate` in kit/db/orm.ts).
 */
import { ConfigMap, Service, type IContainer } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { stringify } from "yaml";
import { envName } from "@bdp/kit/server";

export interface ServiceSpec {
  name: string;
  port: number;
  /** The entry point, relative to the image's /app. */
  main: string;
  replicas: number;
  /** Settings of its own (beyond the shared ConfigMap). */
  env?: Record<string, string>;
  /** Which keys of the Secret it is given. */
  secrets: readonly string[];
  /** Keys of the Secret it reads when the operator set them. */
  optionalSecrets?: readonly string[];
}

const IMAGE = "bdp-hub:latest";
const SECRET = "bdp-hub-secrets";
const SETTINGS = "bdp-hub-settings";
const LABEL = "app.kubernetes.io/name";
const DRAIN_MS = 5_000;

const subgraph = (name: string, port: number, env: Record<string, string> = {}): ServiceSpec => ({
  name,
  port,
  main: `subgraphs/${name}/src/main.ts`,
  replicas: 2,
  env: { [`${envName(name)}_PORT`]: String(port), SEED: "false", ...env },
  // the subgraphs' databases are named after DATABASE_URL's (`<base>_<subgraph>`)
  secrets: ["HUB_SIGNING_KEY", "DATABASE_URL"],
  // read replicas, named the same way, when the operator has them
  optionalSecrets: ["DATABASE_REPLICA_URLS"],
});

const REGISTER = { REGISTER_URL: "http://partners:4001/graphql" };

/** The services of the hub, with the ports the committed supergraph names. */
export const SERVICES: readonly ServiceSpec[] = [
  {
    name: "gateway",
    port: 4000,
    main: "gateway/src/main.ts",
    replicas: 2,
    env: {
      GATEWAY_PORT: "4000",
      PARTNERS_URL: "http://partners:4001/graphql",
      LABOUR_MARKET_URL: "http://labour-market:4002/graphql",
      TRAINING_URL: "http://training:4003/graphql",
      DISABILITY_URL: "http://disability:4004/graphql",
      OFFERS_URL: "http://offers:4005/graphql",
    },
    secrets: ["HUB_SIGNING_KEY", "AUTH_JWT_SECRET"],
  },
  subgraph("partners", 4001),
  // the labour market and the catalogue relay their events to the register; the labour market takes resolutions' effects from it
  subgraph("labour-market", 4002, REGISTER),
  subgraph("training", 4003, REGISTER),
  subgraph("disability", 4004, REGISTER),
  subgraph("offers", 4005, { ...REGISTER, TRAINING_URL: "http://training:4003/graphql" }),
];

/** What every service reads (edit the ConfigMap, not the Deployments). */
export const SETTINGS_DATA: Record<string, string> = {
  NODE_ENV: "production",
  HOST: "0.0.0.0",
  LOG_LEVEL: "info",
  SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  REDIS_URL: "redis://redis:6379",
  // the ingress or load balancer in front of the gateway (its pods' network); set to yours
  TRUSTED_PROXIES: "10.0.0.0/8",
  TRUSTED_DOCUMENTS: "enforce-anonymous",
  // events handed on and finished webhook deliveries are kept 90 days (the news stays); 0 keeps them for ever
  OUTBOX_RETENTION_DAYS: "90",
};

function container(service: ServiceSpec): IContainer {
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({ httpGet: { path, port: service.port }, periodSeconds, failureThreshold, timeoutSeconds: 3 });
  return {
    name: service.name,
    image: IMAGE,
    command: ["node", "--conditions=source", "--import", "@swc-node/register/esm-register", service.main],
    ports: [{ name: "http", containerPort: service.port }],
    envFrom: [{ configMapRef: { name: SETTINGS } }],
    env: [
      ...Object.entries(service.env ?? {}).map(([name, value]) => ({ name, value })),
      ...service.secrets.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: SECRET, key } } })),
      ...(service.optionalSecrets ?? []).map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: SECRET, key, optional: true } } })),
    ],
    readinessProbe: probe("/health/ready", 5, 2),
    livenessProbe: probe("/health/live", 10, 3),
    // migrations and the first schema build take a while on a small node
    startupProbe: probe("/health/live", 2, 60),
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "768Mi" } },
    securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, readOnlyRootFilesystem: false },
  };
}

export function kubernetesManifests(): { validate(): void; toJSON(): unknown }[] {
  const objects: { validate(): void; toJSON(): unknown }[] = [new ConfigMap({ metadata: { name: SETTINGS }, data: SETTINGS_DATA })];
  for (const service of SERVICES) {
    const labels = { [LABEL]: service.name, "app.kubernetes.io/part-of": "bdp-hub" };
    objects.push(
      new Deployment({
        metadata: { name: service.name, labels },
        spec: {
          replicas: service.replicas,
          selector: { matchLabels: { [LABEL]: service.name } },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template: {
            metadata: { labels },
            // the drain, then time for what is in flight
            spec: { terminationGracePeriodSeconds: DRAIN_MS / 1000 + 30, containers: [container(service)] },
          },
        },
      }),
      new Service({ metadata: { name: service.name, labels }, spec: { selector: { [LABEL]: service.name }, ports: [{ name: "http", port: service.port, targetPort: "http" }] } }),
    );
  }
  objects.push(
    new HorizontalPodAutoscaler({
      metadata: { name: "gateway" },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "gateway" },
        minReplicas: 2,
        maxReplicas: 8,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    }),
    new PodDisruptionBudget({ metadata: { name: "gateway" }, spec: { minAvailable: 1, selector: { matchLabels: { [LABEL]: "gateway" } } } }),
  );
  return objects;
}

/** The manifests as one multi-document YAML file, each object checked against its schema first. */
export function kubernetesYaml(): string {
  const header = "# bdp-hub on Kubernetes. Made by gateway/src/cluster/kubernetes.ts (kubernetesManifests); edit there, not here.\n";
  return header + kubernetesManifests()
    .map((object) => {
      object.validate();
      return stringify(object.toJSON(), { lineWidth: 0 });
    })
    .join("---\n");
}
