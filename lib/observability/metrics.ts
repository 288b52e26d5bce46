// Prometheus metrics (prom-client), one registry per process shared with Next.js's bundle.
// Served at /metrics by our HTTP server (loopback, or with METRICS_TOKEN).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "newsroom_" });
  const metric = { registers: [registry] };
  return {
    registry,
    httpRequests: new Counter({ name: "newsroom_http_requests_total", help: "Requests answered, by route kind, method and status class", labelNames: ["route", "method", "status"], ...metric }),
    httpDuration: new Histogram({
      name: "newsroom_http_request_duration_seconds",
      help: "Time to answer, by route kind",
      labelNames: ["route"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      ...metric,
    }),
    cacheEvents: new Counter({ name: "newsroom_response_cache_total", help: "Response cache outcomes (hit, miss, bypass, pass)", labelNames: ["outcome"], ...metric }),
    cacheBytes: new Gauge({ name: "newsroom_response_cache_bytes", help: "Bytes held by the response cache", ...metric }),
    cacheEntries: new Gauge({ name: "newsroom_response_cache_entries", help: "Entries held by the response cache", ...metric }),
    dbQueryDuration: new Histogram({
      name: "newsroom_db_query_duration_seconds",
      help: "SQL query time, by database role (primary, replica)",
      labelNames: ["role"],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      ...metric,
    }),
    dbPoolConnections: new Gauge({ name: "newsroom_db_pool_connections", help: "Database pool connections by role and state (total, idle, waiting)", labelNames: ["role", "state"], ...metric }),
    replicaLag: new Gauge({ name: "newsroom_db_replica_lag_seconds", help: "How far the read replica is behind the primary", ...metric }),
    commentDecisions: new Counter({ name: "newsroom_comment_decisions_total", help: "Comments posted, held for review or rejected", labelNames: ["decision"], ...metric }),
    signIns: new Counter({ name: "newsroom_sign_in_total", help: "Sign-in attempts by result (success, failure, locked)", labelNames: ["result"], ...metric }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const METRICS_KEY = Symbol.for("newsroom.metrics");
const holder = globalThis as typeof globalThis & { [METRICS_KEY]?: Metrics };

export function metrics(): Metrics {
  holder[METRICS_KEY] ??= createMetrics();
  return holder[METRICS_KEY];
}
