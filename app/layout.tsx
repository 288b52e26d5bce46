import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { siteName } from "@/lib/config/site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: siteName, template: `${siteName} - %s` },
  description: `${siteName}: 우리 동네와 나라 소식`,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response its own CSP nonce, which a
  // prerendered page could not carry.
  await connection();
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
