import "server-only";
// The weather strip's conditions: from the KMA when KMA_SERVICE_KEY is set, otherwise none (the
// strip is not shown). Answers are kept 10 minutes; a page never waits more than a moment for
// the service, and when it is down the strip hides and the service is asked again a minute later.
import { serverEnv } from "@/lib/config/env";
import { kmaNowcastProvider } from "@/lib/weather/kma-nowcast";
import type { PlaceWeather, WeatherProvider } from "@/lib/weather/weather";

const FRESH_MS = 10 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;
/** How long a page render waits for a refresh before showing what it has (or nothing). */
const RENDER_WAIT_MS = 1_500;

interface Memo {
  value: PlaceWeather[] | null;
  at: number;
  failedAt: number;
  refreshing: Promise<void> | null;
}

const memo: Memo = { value: null, at: 0, failedAt: 0, refreshing: null };

function refresh(provider: WeatherProvider): Promise<void> {
  memo.refreshing ??= provider
    .currentConditions(serverEnv().WEATHER_PLACES, new Date())
    .then((value) => {
      memo.value = value;
      memo.at = Date.now();
    })
    .catch((error: unknown) => {
      memo.failedAt = Date.now();
      memo.value = null;
      console.warn("weather strip hidden: the KMA service did not answer", error instanceof Error ? error.message : error);
    })
    .finally(() => {
      memo.refreshing = null;
    });
  return memo.refreshing;
}

/** Conditions for the strip, or null when it should not be shown. */
export async function getWeatherStrip(): Promise<PlaceWeather[] | null> {
  const key = serverEnv().KMA_SERVICE_KEY;
  if (!key) return null;
  const now = Date.now();
  const stale = now - memo.at > FRESH_MS;
  const mayRetry = now - memo.failedAt > RETRY_AFTER_FAILURE_MS;
  if (stale && mayRetry) {
    const pending = refresh(kmaNowcastProvider(serverEnv().KMA_NOWCAST_URL, key));
    // A stale value is fine while the refresh runs; without any, wait a moment for it.
    if (!memo.value) await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, RENDER_WAIT_MS))]);
  }
  return memo.value && memo.value.length > 0 ? memo.value : null;
}
