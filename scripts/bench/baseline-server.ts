// Target 1's baseline: a bare Node http server answering every request with the same article
// HTML from memory (as the app's response cache could at best). Started as a child of the bench
// (CPU 0, like the app): node --import tsx scripts/bench/baseline-server.ts <html-file> <port>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file!);
createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
