// XML 1.0 cannot carry most control characters at all, escaped or not (a feed reader or search
// engine would reject the whole document). Story text may hold them (pasted from elsewhere).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, "");
}
