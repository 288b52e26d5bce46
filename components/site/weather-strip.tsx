import { getWeatherStrip } from "@/lib/weather/current-weather";
import { PRECIPITATION_KO } from "@/lib/weather/weather";

/** The observed weather of the configured places; nothing at all without a KMA key or data. */
export async function WeatherStrip() {
  const places = await getWeatherStrip();
  if (!places) return null;
  return (
    <section className="weather-strip" aria-label="지역별 현재 날씨 (기상청 초단기실황)">
      <ul>
        {places.map((place) => (
          <li key={place.place}>
            {PRECIPITATION_KO[place.precipitation] && <span className="weather-strip__sky">{PRECIPITATION_KO[place.precipitation]}</span>}
            <span className="weather-strip__place">{place.place}</span>
            <span className="weather-strip__temp">{place.temperature.toFixed(1)}℃</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
