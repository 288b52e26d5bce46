// Prisma 7 reads the connection URL from here, not from schema.prisma. Only the CLI uses it
// (`prisma generate` needs no database); the app builds its own client in lib/db/client.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/newsroom" },
});
