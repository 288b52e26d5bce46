// The job queue's own tables live in PostgreSQL's `graphile_worker` schema, created and upgraded
// by graphile-worker's migrations (the library owns them and checks their version at every
// start). They run right after ours, wherever ours run (npm start, the test template, the fault
// drills), so a transaction can enqueue a job from the first request on.
import { runMigrations } from "graphile-worker";
import { jobQueueLogger } from "@/lib/jobs/job-queue-logger";

export async function applyJobQueueMigrations(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: jobQueueLogger() });
}
