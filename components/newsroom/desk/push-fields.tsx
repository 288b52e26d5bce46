"use client";
// The desk's push choice beside 속보 on the approval forms: which topics' readers get a
// notification when the story is public (none unless ticked), with the notification as a phone
// shows it. A topic the story went to before cannot be ticked again (one push per story and topic).
import { useState } from "react";
import type { PushNotification } from "@/lib/push/push-notification";
import { PUSHES_PER_TOPIC_PER_HOUR, type PushTopic } from "@/lib/push/push-topics";
import "./push-fields.css";

export interface PushFieldChoice {
  topic: PushTopic;
  label: string;
  /** Already pushed or waiting for the story's time: how the form says so. */
  done: string | null;
}

interface Props {
  choices: PushFieldChoice[];
  /** The notification as it would go out to a section or reporter, and to 속보 (its title carries [속보]). */
  preview: { plain: PushNotification; breaking: PushNotification };
  siteName: string;
}

export function PushFields({ choices, preview, siteName }: Props) {
  const [ticked, setTicked] = useState<Set<PushTopic>>(new Set());
  const shown = ticked.has("breaking") ? preview.breaking : preview.plain;
  const toggle = (topic: PushTopic, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(topic);
      else next.delete(topic);
      return next;
    });
  return (
    <fieldset className="review-push" data-testid="push-fields">
      <legend>알림 보내기 (웹 푸시)</legend>
      <p className="review-push__hint">고른 주제를 받기로 한 독자에게 기사가 공개될 때 한 번 알립니다. 고르지 않으면 보내지 않습니다. 주제마다 한 시간에 {PUSHES_PER_TOPIC_PER_HOUR}건까지.</p>
      {choices.map((choice) => (
        <label key={choice.topic} className="review-push__topic">
          <input type="checkbox" name="pushTopics" value={choice.topic} disabled={choice.done !== null} checked={ticked.has(choice.topic)} onChange={(event) => toggle(choice.topic, event.currentTarget.checked)} />{" "}
          {choice.label}
          {choice.done && <span className="review-push__done"> ({choice.done})</span>}
        </label>
      ))}
      <div className="review-push__preview" aria-label="휴대전화에 뜨는 알림 미리 보기" data-testid="push-preview">
        <div className="review-push__app">
          {/* The paper's own emblem from public/, as small as the phone shows it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={shown.icon} alt="" width={20} height={20} />
          <span>{siteName}</span>
          <span className="review-push__when">지금</span>
        </div>
        <p className="review-push__title">{shown.title}</p>
        <p className="review-push__body">{shown.body}</p>
      </div>
    </fieldset>
  );
}
