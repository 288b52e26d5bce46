import { Island } from "@/components/islands/island";
import { kakaoJavaScriptKey } from "@/lib/config/site";
import { bandShareUrl, facebookShareUrl, xShareUrl } from "@/lib/share/share-links";

/**
 * Where Korean readers share a story: KakaoTalk (with the operator's Kakao key), Band, X and
 * Facebook. The networks' pages are plain links; nothing is loaded from them with the story.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const target = { url, title };
  const external = { target: "_blank", rel: "noopener noreferrer" } as const;
  return (
    <ul className="share-links" aria-label="다른 곳에 공유">
      {kakaoJavaScriptKey && (
        <li>
          <Island name="kakao-share" props={{ appKey: kakaoJavaScriptKey, url }} />
        </li>
      )}
      <li>
        <a className="share-links__band" href={bandShareUrl(target)} {...external}>
          밴드
        </a>
      </li>
      <li>
        <a href={xShareUrl(target)} {...external}>
          X
        </a>
      </li>
      <li>
        <a href={facebookShareUrl(target)} {...external}>
          페이스북
        </a>
      </li>
    </ul>
  );
}
