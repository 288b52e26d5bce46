"use client";
// The reader tools beside the byline: text size (remembered on this device), print and share
// (the device's share sheet, else the address copied).
// A small island: the rest of the page is plain server-rendered HTML.
import { useEffect, useState } from "react";
import { DEFAULT_FONT_STEP as DEFAULT_STEP, FONT_SIZES as SIZES, FONT_STEP_STORAGE_KEY as STORAGE_KEY } from "@/components/article/font-size-steps";

function applyStep(step: number) {
  document.documentElement.style.setProperty("--article-font-size", `${SIZES[step]}px`);
}

function savedStep(): number {
  try {
    const saved = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(saved) && saved >= 0 && saved < SIZES.length && window.localStorage.getItem(STORAGE_KEY) !== null ? saved : DEFAULT_STEP;
  } catch {
    return DEFAULT_STEP; // storage blocked (private mode): the default size
  }
}

export function ArticleTools({ url, title }: { url: string; title: string }) {
  const [step, setStep] = useState(DEFAULT_STEP);
  const [status, setStatus] = useState("");

  useEffect(() => {
    const initial = savedStep();
    // Reading the device's saved size can only happen after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStep(initial);
    applyStep(initial);
  }, []);

  const changeSize = (delta: number) => {
    const next = Math.min(SIZES.length - 1, Math.max(0, step + delta));
    setStep(next);
    applyStep(next);
    setStatus(`글자 크기 ${SIZES[next]}px`);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // not remembered, still applied
    }
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("기사 주소를 복사했습니다. 원하는 곳에 붙여 넣으세요.");
    } catch {
      setStatus("주소를 복사하지 못했습니다. 주소창의 주소를 복사해 주세요.");
    }
  };

  // The phone's own share sheet (where KakaoTalk, Band, messages ... are); where there is none
  // (most computers) or it refuses, the address is copied instead.
  const share = async () => {
    setStatus("");
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === "AbortError") return; // the reader closed the sheet
      }
    }
    await copyLink();
  };

  return (
    <div className="article-tools" role="group" aria-label="기사 도구">
      {/* The glyphs are what Korean papers print; screen readers get the words instead. */}
      <button type="button" className="article-tools__button" onClick={() => changeSize(-1)} disabled={step === 0}>
        <span aria-hidden="true">가−</span>
        <span className="visually-hidden">글자 작게</span>
      </button>
      <button type="button" className="article-tools__button" onClick={() => changeSize(1)} disabled={step === SIZES.length - 1}>
        <span aria-hidden="true">가+</span>
        <span className="visually-hidden">글자 크게</span>
      </button>
      <button type="button" className="article-tools__button" onClick={() => window.print()}>
        인쇄
      </button>
      <button type="button" className="article-tools__button article-tools__button--share" onClick={() => void share()}>
        공유
      </button>
      <p className="article-tools__status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
