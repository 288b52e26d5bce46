// The KMA weather parser, on answers recorded by hand from the API's documented format
// (tests/fixtures/kma/): never a call to the real service.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kmaNowcastProvider, nowcastBaseTime, nowcastUrl, parseNowcast } from "@/lib/weather/kma-nowcast";

const ENDPOINT = "https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0/getUltraSrtNcst";

const fixture = (name: string) => readFile(path.join(process.cwd(), "tests/fixtures/kma", name), "utf8");

describe("KMA ultra-short-term observations", () => {
  it("reads temperature, humidity and precipitation from a recorded answer", async () => {
    const body: unknown = JSON.parse(await fixture("ultra-srt-ncst-goyang.json"));
    expect(parseNowcast(body, "고양")).toEqual({ place: "고양", temperature: -2.3, precipitation: "snow", humidity: 78 });
  });

  it("treats an error header, a missing temperature or a non-JSON-shaped answer as no data", async () => {
    expect(parseNowcast(JSON.parse(await fixture("no-data.json")), "서울")).toBeNull();
    expect(parseNowcast({ response: { header: { resultCode: "00" }, body: { items: { item: [{ category: "REH", obsrValue: "50" }] } } } }, "서울")).toBeNull();
    expect(parseNowcast({ response: { header: { resultCode: "00" }, body: { items: { item: [{ category: "T1H", obsrValue: "-999" }] } } } }, "서울")).toBeNull();
    expect(parseNowcast("<xml/>", "서울")).toBeNull();
    expect(parseNowcast(null, "서울")).toBeNull();
  });

  it.each([
    ["2024-01-10T02:45:00Z", "20240110", "1100"], // 11:45 KST: this hour's data is out
    ["2024-01-10T02:39:00Z", "20240110", "1000"], // 11:39 KST: not yet, the previous hour
    ["2024-01-09T15:10:00Z", "20240109", "2300"], // 00:10 KST: yesterday's last hour
  ])("asks at %s for base_date %s base_time %s (Korea time, published 40 minutes past the hour)", (at, baseDate, baseTime) => {
    expect(nowcastBaseTime(new Date(at))).toEqual({ baseDate, baseTime });
  });

  it("builds the documented request with the key sent once encoded, whichever form it was given in", () => {
    const url = new URL(nowcastUrl(ENDPOINT, "abc%2Bdef%3D%3D", { name: "고양", nx: 57, ny: 128 }, new Date("2024-01-10T02:45:00Z")));
    expect(url.pathname).toBe("/1360000/VilageFcstInfoService_2.0/getUltraSrtNcst");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ serviceKey: "abc+def==", dataType: "JSON", base_date: "20240110", base_time: "1100", nx: "57", ny: "128" });
    expect(new URL(nowcastUrl(ENDPOINT, "abc+def==", { name: "고양", nx: 57, ny: 128 }, new Date())).searchParams.get("serviceKey")).toBe("abc+def==");
  });

  it("the provider keeps the places that answered and fails (quietly, for the caller to hide the strip) when none did", async () => {
    const ok = await fixture("ultra-srt-ncst-goyang.json");
    const xmlError = await fixture("key-error.xml");
    const fakeFetch = (answer: string, status = 200) => (async () => new Response(answer, { status })) as typeof fetch;
    const places = [{ name: "고양", nx: 57, ny: 128 }];
    await expect(kmaNowcastProvider(ENDPOINT, "key-1234567890", fakeFetch(ok)).currentConditions(places, new Date())).resolves.toHaveLength(1);
    await expect(kmaNowcastProvider(ENDPOINT, "key-1234567890", fakeFetch(xmlError)).currentConditions(places, new Date())).rejects.toThrow(/none of the places/);
    await expect(kmaNowcastProvider(ENDPOINT, "key-1234567890", fakeFetch("", 503)).currentConditions(places, new Date())).rejects.toThrow();
    const offline = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    await expect(kmaNowcastProvider(ENDPOINT, "key-1234567890", offline).currentConditions(places, new Date())).rejects.toThrow();
  });
});
