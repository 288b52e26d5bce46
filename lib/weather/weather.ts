// The weather strip's data, whatever provider supplies it.

export type Precipitation = "none" | "rain" | "rain-snow" | "snow" | "drizzle" | "drizzle-flurry" | "flurry";

export interface PlaceWeather {
  place: string;
  /** ℃, one decimal as observed. */
  temperature: number;
  precipitation: Precipitation;
  /** %, or null when not reported. */
  humidity: number | null;
}

export interface WeatherPlace {
  name: string;
  /** KMA forecast grid coordinates. */
  nx: number;
  ny: number;
}

export interface WeatherProvider {
  /** Current conditions for each place that answered; throws when the service is unreachable. */
  currentConditions(places: WeatherPlace[], now: Date): Promise<PlaceWeather[]>;
}

export const PRECIPITATION_KO: Record<Precipitation, string> = {
  none: "",
  rain: "비",
  "rain-snow": "비/눈",
  snow: "눈",
  drizzle: "빗방울",
  "drizzle-flurry": "빗방울/눈날림",
  flurry: "눈날림",
};
