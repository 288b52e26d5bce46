"use client";
// Uploads a photo to the library (POST /api/v1/media, multipart) with a progress bar. Caption and
// credit left empty are filled by the server from the photo's own IPTC/EXIF fields, and an origin
// left unchosen becomes 통신 when that credit names a wire agency.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { MediaOut } from "@/lib/media/media-output";
import { describeMediaOrigin } from "@/lib/origins/media-origin";
import { MediaOriginFields } from "./media-origin-fields";

const MAX_BYTES = 20 * 1024 * 1024;

type UploadState = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "processing" } | { kind: "done"; media: MediaOut } | { kind: "error"; message: string };

function upload(data: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: { media?: MediaOut; error?: { message?: string } } }> {
  // XMLHttpRequest, not fetch: only it reports upload progress.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/media");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve({ status: request.status, body: (request.response ?? {}) as { media?: MediaOut; error?: { message?: string } } });
    request.onerror = () => reject(new Error("network"));
    request.send(data);
  });
}

export function MediaUploadForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<UploadState>({ kind: "idle" });

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ kind: "error", message: "올릴 사진 파일을 고르세요." });
      return;
    }
    if (file.size > MAX_BYTES) {
      setState({ kind: "error", message: "이미지는 20MB 이하만 올릴 수 있습니다." });
      return;
    }
    setState({ kind: "uploading", percent: 0 });
    try {
      const { status, body } = await upload(data, (percent) => setState(percent >= 100 ? { kind: "processing" } : { kind: "uploading", percent }));
      if (status !== 201 || !body.media) {
        setState({ kind: "error", message: body.error?.message ?? "올리지 못했습니다. 잠시 뒤 다시 해 보세요." });
        return;
      }
      setState({ kind: "done", media: body.media });
      form.reset();
      router.refresh();
    } catch {
      setState({ kind: "error", message: "서버에 닿지 못했습니다. 연결을 확인하고 다시 올리세요." });
    }
  }

  const busy = state.kind === "uploading" || state.kind === "processing";
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label>
        사진 파일 (JPEG, PNG, WebP, GIF · 20MB 이하)
        <input name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
      </label>
      <label>
        대체 텍스트 <span className="form__hint">사진을 볼 수 없는 독자에게 읽어 줄 설명</span>
        <input name="alt" maxLength={300} />
      </label>
      <label>
        사진 설명 <span className="form__hint">비워 두면 사진 파일에 적힌 설명을 씁니다</span>
        <textarea name="caption" maxLength={300} />
      </label>
      <label>
        출처 <span className="form__hint">비워 두면 사진 파일에 적힌 출처를 씁니다</span>
        <input name="credit" maxLength={100} />
      </label>
      <MediaOriginFields origin={null} source="" unsetLabel="출처에 통신사가 있으면 통신으로 (아니면 미기록)" />
      {state.kind === "uploading" && (
        <p role="status">
          <progress max={100} value={state.percent} aria-label="올리는 중" /> {state.percent}%
        </p>
      )}
      {state.kind === "processing" && <p role="status">크기별 사본을 만드는 중…</p>}
      {state.kind === "error" && (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <p className="form__ok" role="status">
          올렸습니다{state.media.caption ? `: ${state.media.caption}` : "."} {state.media.credit && `(출처: ${state.media.credit})`} {state.media.origin && `· ${describeMediaOrigin(state.media.origin, state.media.originSource)}`}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {busy ? "올리는 중…" : "올리기"}
        </button>
      </div>
    </form>
  );
}
