// Kakao's JavaScript SDK, for sharing a story to KakaoTalk when the operator has set the Kakao
// app's JavaScript key (KAKAO_JS_KEY). A pinned release with its Subresource Integrity hash, as
// Kakao publishes them: the browser refuses a changed file. Browser-safe constants, also read by
// the Content-Security-Policy (lib/security/content-security-policy.ts).

export const KAKAO_SDK = {
  url: "https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js",
  integrity: "sha384-DKYJZ8NLiK8MN4/C5P2dtSmLQ4KwPaoqAfyA/DfmEc1VDxu4yyC7wy6K1Hs90nka",
} as const;

/**
 * What the Content-Security-Policy allows once a key is set, and only then: the SDK's host (cached
 * pages list script hashes without 'strict-dynamic', and browsers without 'strict-dynamic' need it
 * too; under a nonce with 'strict-dynamic' our own code's insertion is trusted), the
 * API the SDK checks a share with before opening KakaoTalk on a phone, and the sharer page it
 * posts to on a computer.
 */
export const KAKAO_CSP_SOURCES = {
  script: "https://t1.kakaocdn.net",
  connect: "https://kapi.kakao.com",
  form: "https://sharer.kakao.com",
} as const;
