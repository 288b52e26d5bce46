// The Korea Meteorological Administration's ultra-short-term observations (초단기실황,
// VilageFcstInfoService_2.0/getUltraSrtNcst on data.go.kr): one request per place, for the
// hour's observation. The hour's data is published about 40 minutes past the hour, so before
// that the previous hour is asked for. Categories used: T1H (기온 ℃), REH (습도 %), PTY (강수형태).
import type { PlaceWeather, Precipitation, WeatherPlace, WeatherProvider } from "@/lib/weather/weather";

const KST_OFFSET = 9 * 3_600_000;
const PUBLISHED_AT_MINUTE = 40;
const REQUEST_TIMEOUT_MS = 3_000;

/** base_date and base_time (KST) of the newest observation that is published at `now`. */
export function nowcastBaseTime(now: Date): { baseDate: string; baseTime: string } {
  const kst = new Date(now.getTime() + KST_OFFSET);
  if (kst.getUTCMinutes() < PUBLISHED_AT_MINUTE) kst.setUTCHours(kst.getUTCHours() - 1);
  const iso = kst.toISOString();
  return { baseDate: iso.slice(0, 10).replaceAll("-", ""), baseTime: `${iso.slice(11, 13)}00` };
}

export function nowcastUrl(endpoint: string, serviceKey: string, place: WeatherPlace, now: Date): string {
  const { baseDate, baseTime } = nowcastBaseTime(now);
  // data.go.kr hands out the key both URL-encoded and plain: accept either, send it encoded once.
  let key = serviceKey;
  try {
    key = decodeURIComponent(serviceKey);
  } catch {
    // not encoded
  }
  const params = new URLSearchParams({
    serviceKey: key,
    pageNo: "1",
    numOfRows: "10",
    dataType: "JSON",
    base_date: baseDate,
    base_time: baseTime,
    nx: String(place.nx),
    ny: String(place.ny),
  });
  return `${endpoint}?${params.toString()}`;
}

const PTY: Record<string, Precipitation> = { "0": "none", "1": "rain", "2": "rain-snow", "3": "snow", "5": "drizzle", "6": "drizzle-flurry", "7": "flurry" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The observation in one getUltraSrtNcst JSON answer, or null for anything else: an error
 * header (resultCode other than "00"), the XML error page the gateway sends for key problems,
 * missing or non-numeric temperature.
 */
export function parseNowcast(body: unknown, placeName: string): PlaceWeather | null {
  const response = isRecord(body) && isRecord(body.response) ? body.response : null;
  const header = response && isRecord(response.header) ? response.header : null;
  if (!header || header.resultCode !== "00") return null;
  const items = isRecord(response!.body) && isRecord(response!.body.items) ? response!.body.items.item : null;
  if (!Array.isArray(items)) return null;
  const values = new Map<string, string>();
  for (const item of items) {
    if (isRecord(item) && typeof item.category === "string" && (typeof item.obsrValue === "string" || typeof item.obsrValue === "number")) {
      values.set(item.category, String(item.obsrValue));
    }
  }
  const temperature = Number(values.get("T1H"));
  // KMA marks missing observations with values beyond ±900.
  if (!values.has("T1H") || !Number.isFinite(temperature) || Math.abs(temperature) > 900) return null;
  const humidity = Number(values.get("REH"));
  return {
    place: placeName,
    temperature,
    precipitation: PTY[values.get("PTY") ?? "0"] ?? "none",
    humidity: values.has("REH") && Number.isFinite(humidity) && humidity >= 0 && humidity <= 100 ? humidity : null,
  };
}

export function kmaNowcastProvider(endpoint: string, serviceKey: string, fetchImpl: typeof fetch = fetch): WeatherProvider {
  return {
    async currentConditions(places, now) {
      const answers = await Promise.allSettled(
        places.map(async (place) => {
          const response = await fetchImpl(nowcastUrl(endpoint, serviceKey, place, now), { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          if (!response.ok) return null;
          const text = await response.text();
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return null; // the gateway's XML error page
          }
          return parseNowcast(body, place.name);
        }),
      );
      const conditions = answers.flatMap((answer) => (answer.status === "fulfilled" && answer.value ? [answer.value] : []));
      if (conditions.length === 0 && places.length > 0) throw new Error("the KMA service answered for none of the places");
      return conditions;
    },
  };
}
