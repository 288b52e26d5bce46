import type { Metadata } from "next";
import type { ReactNode } from "react";
import { siteName } from "@/lib/config/site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: siteName, template: `${siteName} - %s` },
  description: `${siteName}: 우리 동네와 나라 소식`,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
