// Prints the test run's totals as one plain line ("N passed, N failed, N skipped") from
// vitest's JSON report, for CI logs that count tests.
import { existsSync, readFileSync } from "node:fs";

const file = "test-results/vitest.json";
if (!existsSync(file)) {
  console.log("0 passed, 0 failed (no vitest report: the run stopped before the tests)");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
