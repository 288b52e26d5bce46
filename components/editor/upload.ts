// Uploading an image to the media library with progress (XMLHttpRequest: fetch cannot report
// upload progress). The server sniffs the type, re-encodes and strips metadata; caption and
// credit come back pre-filled from the photo's IPTC/EXIF fields when it has them.
import type { MediaOut } from "@/lib/articles/editor/editor-types";

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/gif";

export function uploadImage(file: File, onProgress: (fraction: number) => void): { promise: Promise<MediaOut>; abort: () => void } {
  const request = new XMLHttpRequest();
  const promise = new Promise<MediaOut>((resolve, reject) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      reject(new Error("이미지는 20MB 이하만 올릴 수 있습니다."));
      return;
    }
    const form = new FormData();
    form.append("file", file);
    request.open("POST", "/api/v1/media");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { media?: MediaOut; error?: { message?: string } } | null;
      if (request.status === 201 && body?.media) resolve(body.media);
      else reject(new Error(body?.error?.message ?? `사진을 올리지 못했습니다 (${request.status}).`));
    };
    request.onerror = () => reject(new Error("네트워크 오류로 사진을 올리지 못했습니다."));
    request.onabort = () => reject(new Error("올리기를 취소했습니다."));
    request.send(form);
  });
  return { promise, abort: () => request.abort() };
}
