// Pages without JSON-LD of their own.
export default function NoJsonLd() {
  return null;
}
