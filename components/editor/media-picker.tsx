"use client";
// Choosing a picture: upload one (button or drag-and-drop, with progress) or pick from the media
// library (search by caption, credit, uploader). Used for the hero photo and for body images.
import { useEffect, useRef, useState } from "react";
import type { MediaOut } from "@/lib/articles/editor/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { rememberMedia, thumbnailUrl } from "@/components/editor/media-cache";
import { Modal } from "@/components/editor/modal";
import { ACCEPTED_IMAGE_TYPES, uploadImage } from "@/components/editor/upload";
import { MEDIA_ORIGIN_LABEL } from "@/lib/origins/media-origin";

export function MediaPicker({ title, onPick, onClose, afterClose }: { title: string; onPick: (media: MediaOut) => void; onClose: () => void; afterClose?: () => void }) {
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<MediaOut[] | null>(null);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const handle = setTimeout(() => {
      apiRequest<{ media: MediaOut[] }>("GET", `/api/v1/media?q=${encodeURIComponent(query)}`)
        .then((body) => {
          setItems(body.media);
          setLibraryError(null);
        })
        .catch((error: Error) => setLibraryError(error.message));
    }, 250);
    return () => clearTimeout(handle);
  }, [query]);

  const upload = (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    setProgress(0);
    uploadImage(file, setProgress)
      .promise.then((media) => {
        rememberMedia(media);
        onPick(media);
      })
      .catch((error: Error) => setUploadError(error.message))
      .finally(() => setProgress(null));
  };

  return (
    <Modal title={title} onClose={onClose} afterClose={afterClose} wide>
      <div
        className={`media-picker__drop${dragging ? " is-dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          upload(event.dataTransfer.files[0]);
        }}
      >
        <p>사진 파일을 여기에 끌어다 놓거나</p>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={progress !== null}>
          이 기기에서 사진 올리기
        </button>
        <input ref={fileInput} type="file" accept={ACCEPTED_IMAGE_TYPES} hidden data-testid="media-upload-input" onChange={(event) => upload(event.target.files?.[0])} />
        <p className="form__hint">컴퓨터의 파일이나 휴대폰의 앨범·카메라에서 고릅니다. JPEG, PNG, WebP, GIF · 20MB까지 · 사진 속 설명과 저작권 정보가 있으면 채워집니다.</p>
        {progress !== null && (
          <div className="upload-progress" role="status">
            <progress max={1} value={progress} /> 올리는 중 {Math.round(progress * 100)}%
          </div>
        )}
        {uploadError && (
          <p className="form__error" role="alert">
            {uploadError}
          </p>
        )}
      </div>

      <label className="media-picker__search">
        사진 보관함 검색
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="설명, 출처, 올린 사람" />
      </label>
      {libraryError && <p className="form__error">{libraryError}</p>}
      {items === null && !libraryError && <p>불러오는 중…</p>}
      {items?.length === 0 && <p>찾는 사진이 없습니다.</p>}
      <ul className="media-picker__grid">
        {items?.map((media) => (
          <li key={media.id}>
            <button
              type="button"
              onClick={() => {
                rememberMedia(media);
                onPick(media);
              }}
              title={media.caption || media.alt}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails */}
              <img src={thumbnailUrl(media, 240)} alt={media.alt} loading="lazy" />
              <span>{media.caption || "(설명 없음)"}</span>
              <small>
                {media.credit || "출처 없음"}
                {media.origin ? ` · ${MEDIA_ORIGIN_LABEL[media.origin]}` : ""}
                {media.uploader ? ` · ${media.uploader.name}` : ""}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** Uploads in progress for images dropped or pasted into the body. */
export interface UploadItem {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

export function UploadTray({ uploads, onDismiss }: { uploads: UploadItem[]; onDismiss: (key: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-tray" aria-label="올리는 사진">
      {uploads.map((upload) => (
        <li key={upload.key} className={upload.error ? "is-error" : ""}>
          <span>{upload.name}</span>
          {upload.error ? (
            <>
              <span role="alert">{upload.error}</span>
              <button type="button" className="button button--secondary" onClick={() => onDismiss(upload.key)}>
                닫기
              </button>
            </>
          ) : (
            <>
              <progress max={1} value={upload.progress} /> {Math.round(upload.progress * 100)}%
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
