"use client";
// The reader tools beside the byline: text size (remembered on this device), print and share.
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
  const [canShare, setCanShare] = useState(false);

  useEffect(() => {
    const initial = savedStep();
    // Reading the device's saved size can only happen after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStep(initial);
    applyStep(initial);
    setCanShare(typeof navigator.share === "function");
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
      setStatus("기사 주소를 복사했습니다.");
    } catch {
      setStatus("주소를 복사하지 못했습니다. 주소창의 주소를 복사해 주세요.");
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title, url });
    } catch {
      // the reader closed the share sheet
    }
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
      <button type="button" className="article-tools__button" onClick={() => void copyLink()}>
        링크 복사
      </button>
      {canShare && (
        <button type="button" className="article-tools__button" onClick={() => void share()}>
          공유
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
