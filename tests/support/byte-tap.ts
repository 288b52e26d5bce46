// A TCP pass-through in front of the app that keeps every byte each way, with when it passed:
// what the server really sent (status lines, headers, framing, bodies) as the browser received
// it. For looking into a browser's view of a response that a test tool reports differently.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface TappedChunk {
  connection: number;
  /** "up": browser to app; "down": app to browser. */
  direction: "up" | "down";
  atMs: number;
  bytes: Buffer;
}

export interface ByteTap {
  /** The tap's base URL (same host, its own port): a page loaded from it goes through the tap. */
  baseUrl: string;
  chunks: TappedChunk[];
  /** Connections' open and close times. */
  events: { connection: number; atMs: number; what: "open" | "close-by-browser" | "close-by-app" }[];
  close(): Promise<void>;
}

export async function startByteTap(target: URL): Promise<ByteTap> {
  const started = performance.now();
  const at = () => Math.round((performance.now() - started) * 10) / 10;
  const chunks: TappedChunk[] = [];
  const events: ByteTap["events"] = [];
  const sockets = new Set<Socket>();
  let next = 0;
  const server: Server = createServer((browser) => {
    const connection = ++next;
    events.push({ connection, atMs: at(), what: "open" });
    const app = connect(Number(target.port), target.hostname);
    sockets.add(browser).add(app);
    browser.on("data", (bytes: Buffer) => {
      chunks.push({ connection, direction: "up", atMs: at(), bytes });
      app.write(bytes);
    });
    app.on("data", (bytes: Buffer) => {
      chunks.push({ connection, direction: "down", atMs: at(), bytes });
      browser.write(bytes);
    });
    browser.on("end", () => {
      events.push({ connection, atMs: at(), what: "close-by-browser" });
      app.end();
    });
    app.on("end", () => {
      events.push({ connection, atMs: at(), what: "close-by-app" });
      browser.end();
    });
    browser.on("error", () => app.destroy());
    app.on("error", () => browser.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, target.hostname, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `${target.protocol}//${target.hostname}:${port}`,
    chunks,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The tapped bytes of the connections that carried `pathPart`, as readable text (bodies cut short). */
export function tapTranscript(tap: ByteTap, pathPart: string): string {
  const connections = new Set(tap.chunks.filter((chunk) => chunk.direction === "up" && chunk.bytes.toString("latin1").includes(pathPart)).map((chunk) => chunk.connection));
  return tap.chunks
    .filter((chunk) => connections.has(chunk.connection))
    .map((chunk) => {
      const text = chunk.bytes.toString("latin1");
      const shown = text.length > 1200 ? `${text.slice(0, 1200)}... (${chunk.bytes.length} bytes)` : text;
      return `#${chunk.connection} ${chunk.direction === "up" ? "->" : "<-"} ${chunk.atMs} ms\n${JSON.stringify(shown)}`;
    })
    .join("\n");
}
