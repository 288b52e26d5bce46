// A real SMTP server on loopback (the smtp-server package) for the readers' mail tests: it keeps
// every message as received, and can be told to refuse them (a mail server that is down or
// answers "try later"), to check that the queue retries and no mail is lost.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface LocalSmtp {
  url: string;
  /** Raw messages accepted, in order. */
  received: string[];
  /** How many messages were refused. */
  refusedCount(): number;
  /** While true, every message is refused with a temporary failure (451). */
  refuse(on: boolean): void;
  close(): Promise<void>;
}

export async function startLocalSmtp(): Promise<LocalSmtp> {
  const received: string[] = [];
  let refusing = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusing) {
          refused += 1;
          callback(Object.assign(new Error("451 mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusedCount: () => refused,
    refuse: (on) => {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
