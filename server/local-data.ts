// The git-ignored folder where the embedded newsroom keeps its state between runs: the
// PostgreSQL cluster, uploaded media, and generated secrets.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import webpush from "web-push";
import { z } from "zod";

const dataDir = path.resolve(process.env.NEWSROOM_DATA_DIR ?? path.join(process.cwd(), ".data"));
export const postgresDataDir = path.join(dataDir, "postgres");
export const demoPasswordFile = path.join(dataDir, "demo-password.txt");
export const secretsFile = path.join(dataDir, "secrets.json");
/** Backups and the embedded database's WAL archive, unless BACKUP_DIR says otherwise. */
export const defaultBackupDir = path.join(dataDir, "backups");

const secretsSchema = z.object({
  postgresPassword: z.string().min(16),
  nextauthSecret: z.string().min(32),
  ipHashSalt: z.string().min(16),
  // Added after the first release: a data folder made before it gets a pair on its next start.
  vapidPublicKey: z.string().min(80).optional(),
  vapidPrivateKey: z.string().min(40).optional(),
});
export type LocalSecrets = z.infer<typeof secretsSchema> & { vapidPublicKey: string; vapidPrivateKey: string };

const randomSecret = (bytes: number) => randomBytes(bytes).toString("base64url");

/** A VAPID key pair (P-256), base64url, as the readers' browsers and lib/push take it. */
function vapidKeyPair(): { vapidPublicKey: string; vapidPrivateKey: string } {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { vapidPublicKey: publicKey, vapidPrivateKey: privateKey };
}

async function saveSecrets(secrets: LocalSecrets): Promise<void> {
  await writeFile(secretsFile, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  await chmod(secretsFile, 0o600);
}

/** Secrets for the embedded newsroom, generated on the first run and reused afterwards. */
export async function loadOrCreateLocalSecrets(): Promise<LocalSecrets> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (existsSync(secretsFile)) {
    const parsed = secretsSchema.safeParse(JSON.parse(await readFile(secretsFile, "utf8")));
    if (parsed.success) {
      const { vapidPublicKey, vapidPrivateKey } = parsed.data;
      if (vapidPublicKey && vapidPrivateKey) return { ...parsed.data, vapidPublicKey, vapidPrivateKey };
      const completed = { ...parsed.data, ...vapidKeyPair() };
      await saveSecrets(completed);
      return completed;
    }
    throw new Error(`${secretsFile} is damaged; delete it only together with ${postgresDataDir}`);
  }
  const secrets: LocalSecrets = {
    postgresPassword: randomSecret(24),
    nextauthSecret: randomSecret(32),
    ipHashSalt: randomSecret(16),
    ...vapidKeyPair(),
  };
  await saveSecrets(secrets);
  return secrets;
}

export async function readSavedDemoPassword(): Promise<string | undefined> {
  if (!existsSync(demoPasswordFile)) return undefined;
  return (await readFile(demoPasswordFile, "utf8")).trim() || undefined;
}

export async function saveDemoPassword(password: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(demoPasswordFile, password + "\n", { mode: 0o600 });
}
