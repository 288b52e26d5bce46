// The weather strip's cache and quiet failure, against a local stand-in for the KMA service that
// answers with the recorded fixture (no call ever leaves this machine).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fixture = readFileSync(path.join(process.cwd(), "tests/fixtures/kma/ultra-srt-ncst-goyang.json"), "utf8");
let requests = 0;
let failing = false;
let server: Server;
let getWeatherStrip: () => Promise<{ place: string; temperature: number }[] | null>;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (failing) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(fixture);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, {
    KMA_SERVICE_KEY: "test-service-key-0123456789",
    KMA_NOWCAST_URL: `http://127.0.0.1:${port}/getUltraSrtNcst`,
    WEATHER_PLACES: "고양:57:128,서울:60:127",
  });
  // Imported only now: settings are read once, at first use.
  ({ getWeatherStrip } = await import("@/lib/weather/current-weather"));
});

afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => server.close(resolve));
});

describe("the weather strip", () => {
  it("asks once per place, then answers from memory for 10 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const strip = await getWeatherStrip();
    expect(strip?.map((place) => place.place)).toEqual(["고양", "서울"]);
    expect(requests).toBe(2);
    vi.setSystemTime(Date.now() + 9 * 60_000);
    await getWeatherStrip();
    expect(requests).toBe(2);
  });

  it("hides quietly when the service is down, and asks again a minute later", async () => {
    failing = true;
    vi.setSystemTime(Date.now() + 2 * 60_000); // now 11 minutes old
    expect(await getWeatherStrip()).not.toBeNull(); // the stale strip still shows while the refresh runs
    // Once the refresh has failed, the strip hides.
    await expect.poll(() => getWeatherStrip()).toBeNull();
    const afterFailure = requests;
    await getWeatherStrip();
    expect(requests).toBe(afterFailure); // no hammering
    failing = false;
    vi.setSystemTime(Date.now() + 61_000);
    expect((await getWeatherStrip())?.length).toBe(2);
    expect(requests).toBe(afterFailure + 2);
  });
});
