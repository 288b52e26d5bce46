"use client";
// The reader's "알림 받기": a button (never a prompt on page load), then a dialog to choose topics
// (속보, this page's section and reporters). Only on "알림 켜기" does the browser ask for permission,
// the service worker (public/push-sw.js) get registered and the push subscription be made and sent
// to the newsroom (POST /api/v1/push/subscribe, lib/push). The topics chosen on other pages are
// kept on this device, so choosing here adds to them instead of replacing them.
import { useRef, useState } from "react";
import type { PushTopic, PushTopicChoice } from "@/lib/push/push-topics";
import "./push-opt-in.css";

const SAVED_TOPICS_KEY = "push-topics";
const WORKER_PATH = "/push-sw.js";

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "unsupported" }
  | { kind: "blocked" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

const MESSAGES = {
  unsupported: "이 브라우저는 알림을 지원하지 않습니다. 최신 크롬, 엣지, 파이어폭스나 사파리(홈 화면에 추가한 경우)에서 받을 수 있습니다.",
  blocked: "알림이 차단되어 있습니다. 브라우저의 사이트 설정에서 이 사이트의 알림을 허용한 뒤 다시 눌러 주세요.",
  dismissed: "알림을 허용하지 않아 켜지 않았습니다. 다시 눌러 '허용'을 고르면 켜집니다.",
  failed: "알림을 켜지 못했습니다. 잠시 뒤 다시 시도해 주세요.",
  offline: "인터넷 연결을 확인하고 다시 시도해 주세요.",
} as const;

function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function savedTopics(): PushTopic[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(SAVED_TOPICS_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((topic): topic is PushTopic => typeof topic === "string") : [];
  } catch {
    return [];
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "="));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function answerMessage(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
  return body?.message ?? body?.error?.message ?? fallback;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(WORKER_PATH);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export function PushOptIn({ publicKey, choices, label = "알림 받기" }: { publicKey: string; choices: PushTopicChoice[]; label?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [chosen, setChosen] = useState<Set<PushTopic>>(new Set());
  const [subscribed, setSubscribed] = useState(false);

  async function open() {
    const saved = savedTopics();
    const here = choices.filter((choice) => saved.includes(choice.topic)).map((choice) => choice.topic);
    setChosen(new Set(saved.length > 0 ? here : choices.slice(0, 1).map((choice) => choice.topic)));
    dialog.current?.showModal();
    if (!pushSupported()) return setStatus({ kind: "unsupported" });
    if (Notification.permission === "denied") return setStatus({ kind: "blocked" });
    setStatus({ kind: "idle" });
    setSubscribed(saved.length > 0 && (await currentSubscription().catch(() => null)) !== null);
  }

  function toggle(topic: PushTopic, on: boolean) {
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(topic);
      else next.delete(topic);
      return next;
    });
  }

  async function turnOff() {
    setStatus({ kind: "working" });
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        const response = await fetch("/api/v1/push/unsubscribe", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: subscription.endpoint }) });
        await subscription.unsubscribe();
        localStorage.removeItem(SAVED_TOPICS_KEY);
        setSubscribed(false);
        setStatus({ kind: response.ok ? "done" : "error", message: await answerMessage(response, MESSAGES.failed) });
      } else {
        localStorage.removeItem(SAVED_TOPICS_KEY);
        setSubscribed(false);
        setStatus({ kind: "done", message: "알림을 껐습니다. 이 브라우저로는 더 알림을 보내지 않습니다." });
      }
    } catch {
      setStatus({ kind: "error", message: MESSAGES.offline });
    }
  }

  async function turnOn() {
    const here = new Set(choices.map((choice) => choice.topic));
    const topics = [...savedTopics().filter((topic) => !here.has(topic)), ...chosen];
    if (topics.length === 0) return turnOff();
    setStatus({ kind: "working" });
    // Asked here, on the reader's click, never before.
    const permission = await Notification.requestPermission();
    if (permission === "denied") return setStatus({ kind: "blocked" });
    if (permission !== "granted") return setStatus({ kind: "error", message: MESSAGES.dismissed });
    let subscription: PushSubscription;
    try {
      const registration = await navigator.serviceWorker.register(WORKER_PATH, { scope: "/" });
      await navigator.serviceWorker.ready;
      subscription = (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
    } catch {
      return setStatus({ kind: "error", message: MESSAGES.failed });
    }
    try {
      const response = await fetch("/api/v1/push/subscribe", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ subscription: subscription.toJSON(), topics }) });
      if (response.ok) {
        localStorage.setItem(SAVED_TOPICS_KEY, JSON.stringify(topics));
        setSubscribed(true);
      }
      setStatus({ kind: response.ok ? "done" : "error", message: await answerMessage(response, MESSAGES.failed) });
    } catch {
      setStatus({ kind: "error", message: MESSAGES.offline });
    }
  }

  const usable = status.kind !== "unsupported" && status.kind !== "blocked";
  return (
    <>
      <button type="button" className="push-opt-in__open" onClick={() => void open()} data-testid="push-open">
        {label}
      </button>
      <dialog ref={dialog} className="push-opt-in" aria-labelledby="push-opt-in-title" data-testid="push-dialog">
        <h2 id="push-opt-in-title">알림 받기</h2>
        <p className="push-opt-in__lead">고른 주제의 새 기사를 이 브라우저 알림으로 알려 드립니다. 이름이나 메일 주소는 받지 않습니다.</p>
        {usable && (
          <fieldset className="push-opt-in__topics" disabled={status.kind === "working"}>
            <legend>받을 알림</legend>
            {choices.map((choice) => (
              <label key={choice.topic}>
                <input type="checkbox" value={choice.topic} checked={chosen.has(choice.topic)} onChange={(event) => toggle(choice.topic, event.currentTarget.checked)} /> {choice.label}
              </label>
            ))}
          </fieldset>
        )}
        {(status.kind === "unsupported" || status.kind === "blocked") && (
          <p className="push-opt-in__error" role="alert">
            {MESSAGES[status.kind]}
          </p>
        )}
        {status.kind === "error" && (
          <p className="push-opt-in__error" role="alert">
            {status.message}
          </p>
        )}
        {status.kind === "done" && (
          <p className="push-opt-in__answer" role="status">
            {status.message}
          </p>
        )}
        <div className="push-opt-in__actions">
          {usable && (
            <button type="button" className="push-opt-in__primary" onClick={() => void turnOn()} disabled={status.kind === "working"} data-testid="push-save">
              {status.kind === "working" ? "처리하는 중…" : subscribed ? "알림 설정 저장" : "알림 켜기"}
            </button>
          )}
          {usable && subscribed && (
            <button type="button" onClick={() => void turnOff()} disabled={status.kind === "working"} data-testid="push-off">
              알림 끄기
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            닫기
          </button>
        </div>
      </dialog>
    </>
  );
}
