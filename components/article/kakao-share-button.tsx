"use client";
// KakaoTalk sharing through Kakao's JavaScript SDK. The SDK is fetched only when a reader goes
// to use the button (it starts on the press, so that on a phone KakaoTalk opens within the tap's
// permission to open another app), never with the page: readers who do not share load nothing
// from Kakao. KakaoTalk builds the preview from the story's own OpenGraph tags (sendScrap).
import { useState } from "react";
import { KAKAO_SDK } from "@/lib/share/kakao-sdk";

interface KakaoSdk {
  init(appKey: string): void;
  isInitialized(): boolean;
  Share: { sendScrap(options: { requestUrl: string }): void };
}

declare global {
  interface Window {
    Kakao?: KakaoSdk;
  }
}

let loading: Promise<KakaoSdk> | null = null;

function loadKakaoSdk(): Promise<KakaoSdk> {
  if (window.Kakao) return Promise.resolve(window.Kakao);
  loading ??= new Promise<KakaoSdk>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = KAKAO_SDK.url;
    script.integrity = KAKAO_SDK.integrity;
    script.crossOrigin = "anonymous";
    script.async = true;
    script.onload = () => (window.Kakao ? resolve(window.Kakao) : reject(new Error("the Kakao SDK did not start")));
    script.onerror = () => {
      // Refused (integrity, the network, a blocker): the next press tries again.
      script.remove();
      loading = null;
      reject(new Error("the Kakao SDK did not load"));
    };
    document.head.append(script);
  });
  return loading;
}

export function KakaoShareButton({ appKey, url }: { appKey: string; url: string }) {
  const [status, setStatus] = useState("");

  const share = async () => {
    setStatus("");
    try {
      const kakao = await loadKakaoSdk();
      if (!kakao.isInitialized()) kakao.init(appKey);
      kakao.Share.sendScrap({ requestUrl: url });
    } catch {
      setStatus("카카오톡 공유를 열지 못했습니다. 위의 ‘공유’ 버튼으로 보내 주세요.");
    }
  };

  return (
    <>
      <button type="button" className="share-links__kakao" onPointerDown={() => void loadKakaoSdk().catch(() => undefined)} onClick={() => void share()}>
        카카오톡
      </button>
      <span className="share-links__status" role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
