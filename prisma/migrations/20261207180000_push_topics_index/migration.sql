-- A story's push finds the browsers that chose its topic through this index ("topics" @> ARRAY[topic],
-- lib/push/push-tasks.ts) instead of reading every subscription.

-- CreateIndex
CREATE INDEX "PushSubscription_topics_idx" ON "PushSubscription" USING GIN ("topics");
