// Where the newsroom may send requests on an admin's word (a destination's endpoint): never to
// private or loopback addresses unless the operator allows it (PORTAL_ALLOW_PRIVATE_ADDRESSES=1),
// so a destination cannot be used to reach the database, the metrics endpoint or the office
// network (SSRF). Checked when an endpoint is saved (an address written as an IP) and again on
// every request against what the name resolves to then, so a name that later points inside
// (DNS rebinding) is refused too.
import { BlockList, isIP } from "node:net";

const PRIVATE_RANGES: [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"],
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["::", 128, "ipv6"],
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"],
  ["fe80::", 10, "ipv6"],
  ["ff00::", 8, "ipv6"],
];

const privateRanges = new BlockList();
for (const [network, prefix, type] of PRIVATE_RANGES) privateRanges.addSubnet(network, prefix, type);

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const plain = unmapped(address.replace(/^\[|\]$/g, ""));
  const version = isIP(plain);
  if (version === 0) return false;
  return privateRanges.check(plain, version === 4 ? "ipv4" : "ipv6");
}

/** localhost, 127.x.x.x or ::1: the only hosts an endpoint may reach over plain http. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const plain = unmapped(host);
  return (isIP(plain) === 4 && plain.startsWith("127.")) || plain === "::1";
}

/**
 * Why an endpoint may not be used, in Korean, or null when it may: https only (plain http only
 * to loopback, for tests and the demo), no credentials in it, and no private address written as
 * an IP (or localhost) unless the operator allows them.
 */
export function endpointRefusal(endpoint: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "주소 형식이 올바르지 않습니다. https://로 시작하는 전체 주소를 적어 주세요.";
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return "송고 주소는 https://여야 합니다 (http://는 이 컴퓨터 안의 시험용 주소에만 쓸 수 있습니다).";
  }
  if (url.username || url.password) return "주소에 아이디나 비밀번호를 넣지 마세요. 인증은 비밀 키로 합니다.";
  if (!allowPrivate && (loopback || isPrivateAddress(url.hostname))) {
    return "내부망·사설 주소로는 보낼 수 없습니다. 운영자가 설정(PORTAL_ALLOW_PRIVATE_ADDRESSES=1)에서 허용해야 합니다.";
  }
  return null;
}
