// How `npm start` runs the server (package.json "start"), for everything else that starts it the
// same way: the benchmark and the tests' app measure and test what production runs. A unit test
// keeps package.json's script equal to START_NODE_ARGS (tests/unit/start-command.test.ts).

/**
 * V8's limit for its old generation (MB). Without it, V8 sizes the heap for the machine (4 GB here)
 * and, under a stream of cache misses, lets garbage pile up to about twice the live heap before a
 * full collection: 400-450 MB of heap for about 200 MB live, 700-800 MB resident in all. The
 * limit makes it collect sooner; measured figures and the margin above the live heap are in
 * docs/operations.md ("Memory"). Not lower: at 320 MB, 50 cache-miss renders of the 50,000-story
 * bench in flight left the collector so little room that each render cost about a third more CPU.
 */
export const OLD_SPACE_LIMIT_MB = 400;

/** The Node.js arguments of `npm start`, after `node`. */
export const START_NODE_ARGS = [`--max-old-space-size=${OLD_SPACE_LIMIT_MB}`, "--import", "tsx", "scripts/start.ts"] as const;
