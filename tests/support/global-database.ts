import type { TestProject } from "vitest/node";
import { startTestCluster } from "./test-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide("testDatabaseAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
