// Strict-Transport-Security is sent exactly when the public address is https.
import { describe, expect, it } from "vitest";
import { strictTransportSecurityFor } from "@/lib/security/strict-transport-security";

describe("Strict-Transport-Security", () => {
  it.each([
    ["https://news.example.com", "max-age=31536000"],
    ["HTTPS://news.example.com/", "max-age=31536000"],
    ["http://localhost:3000", null],
    [undefined, null],
  ])("for %s: %s", (publicUrl, expected) => {
    expect(strictTransportSecurityFor(publicUrl)).toBe(expected);
  });
});
