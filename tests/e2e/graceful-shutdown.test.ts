// A graceful stop: on SIGTERM the app stops accepting connections, finishes the requests it is
// answering (here one whose body is still arriving), then closes the database and exits 0.
import { connect } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { runStart } from "../support/run-start";
import { findFreePort } from "../support/test-cluster";

const databaseUrl = inject("appDatabaseUrl");

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("graceful shutdown", () => {
  it("finishes a request in flight, refuses new connections, then exits cleanly", async () => {
    const port = await findFreePort();
    const app = runStart({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_SECRET: "shutdown-secret-shutdown-secret-shutdown",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      IP_HASH_SALT: "shutdown-ip-hash-salt",
    });
    await app.waitForOutput(/ready: http/, 120_000);

    // A sign-in whose body is only half sent.
    const body = new URLSearchParams({ email: "nobody@newsroom.test", password: "x".repeat(900) }).toString();
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.write(`POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.slice(0, 400));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const killedAt = Date.now();
    let closedAt = 0;
    void ended.then(() => (closedAt = Date.now()));
    app.child.kill("SIGTERM");
    await expect.poll(() => canConnect(port), { timeout: 5_000, interval: 100 }).toBe(false);
    expect(answer).toBe(""); // still waiting for the rest of its body

    socket.write(body.slice(400));
    await ended;
    expect(answer, `closed ${closedAt - killedAt} ms after the kill; exit ${await app.exited}\n${app.output().slice(-3000)}`).toMatch(/^HTTP\/1\.1 (200|302|401|403) /);
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain("stopped cleanly");
  });
});
