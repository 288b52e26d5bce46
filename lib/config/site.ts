// What the public site calls itself and the paper's legal details, as Korean papers print them
// at the foot of every page (신문법: 제호, 등록번호, 발행인, 편집인, 청소년보호책임자 ...).
// Everything comes from lib/config/env.ts (SITE_NAME, NEXTAUTH_URL, PUBLISHER_*).
import { serverEnv, siteBaseUrl } from "@/lib/config/env";

const env = serverEnv();

export const siteName = env.SITE_NAME;
/** The public address (NEXTAUTH_URL, or this machine's host and port for the embedded demo). */
export const siteUrl = siteBaseUrl(env);
export const siteDescription = `${siteName}: 우리 동네와 나라 소식을 빠르고 정확하게 전합니다.`;
/** The line under every story and at the foot of every page. */
export const siteCopyright = `Copyright © ${siteName}. 무단전재-재배포 금지.`;

export const publisher = {
  company: env.PUBLISHER_COMPANY,
  address: env.PUBLISHER_ADDRESS,
  registration: env.PUBLISHER_REGISTRATION,
  registeredOn: env.PUBLISHER_REGISTERED_ON,
  head: env.PUBLISHER_HEAD,
  editor: env.PUBLISHER_EDITOR,
  youthOfficer: env.PUBLISHER_YOUTH_OFFICER,
  phone: env.PUBLISHER_PHONE,
  email: env.PUBLISHER_EMAIL,
};

/** The Kakao app's JavaScript key for the KakaoTalk share button, when the operator set one. */
export const kakaoJavaScriptKey: string | null = env.KAKAO_JS_KEY ?? null;

/** An absolute URL on this site, for canonical links, feeds, sitemaps and link previews. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${siteUrl}/`).toString();
}
