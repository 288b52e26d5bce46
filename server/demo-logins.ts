// The demo staff password: DEMO_PASSWORD when set, else the one generated on the first seed
// (kept in the git-ignored data folder so later starts can print it again).
import { randomBytes } from "node:crypto";
import { demoPasswordFile, readSavedDemoPassword, saveDemoPassword } from "@/server/local-data";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";

export interface DemoPassword {
  value: string;
  source: "env" | "generated" | "saved";
}

export async function resolveDemoPassword(fromEnv: string | undefined): Promise<DemoPassword> {
  if (fromEnv) return { value: fromEnv, source: "env" };
  const saved = await readSavedDemoPassword();
  if (saved) return { value: saved, source: "saved" };
  const value = `nuri-${randomBytes(9).toString("base64url")}`;
  await saveDemoPassword(value);
  return { value, source: "generated" };
}

export function printDemoLogins(password: DemoPassword): void {
  const where =
    password.source === "env" ? "from DEMO_PASSWORD" : `saved in ${demoPasswordFile}`;
  console.log(`\n  Demo logins (password ${where}):`);
  for (const person of Object.values(DEMO_STAFF)) {
    console.log(`    ${person.email.padEnd(24)} ${password.value}   ${person.name} ${person.title} (${person.role})`);
  }
  console.log("");
}
