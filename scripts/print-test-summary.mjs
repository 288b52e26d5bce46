// Prints the test run's totals as one plain line ("N passed, N failed, N skipped") from
// vitest's JSON report, for CI logs that count tests, and says how many of the skipped ones are
// browser tests (tagged "chromium": no Chromium on this machine), so a run that skipped them is
// not read as a full pass.
//   node scripts/print-test-summary.mjs [report.json]
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? "test-results/vitest.json";
if (!existsSync(file)) {
  console.log("0 passed, 0 failed (no vitest report: the run stopped before the tests)");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const notRun = new Set(["pending", "skipped", "todo", "disabled"]);
const browserSkipped = (report.testResults ?? [])
  .flatMap((file) => file.assertionResults ?? [])
  .filter((test) => notRun.has(test.status) && (test.tags ?? []).includes("chromium")).length;
const browserNote = browserSkipped > 0 ? ` (${browserSkipped} of them browser tests, not run: no Chromium; apt-get install -y chromium fonts-noto-cjk)` : "";
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped${browserNote}`);
