"use client";
// Where a photo comes from, as form fields named `origin` and `originSource` (the library's edit
// form and its upload form send them as they are): 자체, 통신 with the agency, 제공 with who handed
// it out, 외부 with the provider.
import { useId, useState } from "react";
import type { MediaOrigin } from "@/lib/generated/prisma/enums";
import { MEDIA_ORIGIN_LABEL, MEDIA_ORIGINS, mediaOriginSourceField } from "@/lib/origins/media-origin";
import { ORIGIN_SOURCE_MAX, WIRE_AGENCIES } from "@/lib/origins/story-origin";

export function MediaOriginFields({ origin, source, unsetLabel }: { origin: MediaOrigin | null; source: string; /** What the empty choice means here. */ unsetLabel: string }) {
  const [chosen, setChosen] = useState<MediaOrigin | "">(origin ?? "");
  const agencies = useId();
  const sourceField = mediaOriginSourceField(chosen || null);
  return (
    <div className="media-origin-fields">
      <label>
        출처 유형
        <select name="origin" value={chosen} onChange={(event) => setChosen(event.target.value as MediaOrigin | "")}>
          <option value="">{unsetLabel}</option>
          {MEDIA_ORIGINS.map((option) => (
            <option key={option} value={option}>
              {MEDIA_ORIGIN_LABEL[option]}
            </option>
          ))}
        </select>
      </label>
      {sourceField && (
        <label>
          {sourceField.label}
          {/* The kind changed: the old kind's source is not this one's. */}
          <input key={chosen} name="originSource" defaultValue={chosen === origin ? source : ""} maxLength={ORIGIN_SOURCE_MAX} placeholder={sourceField.placeholder} list={chosen === "WIRE" ? agencies : undefined} />
        </label>
      )}
      <datalist id={agencies}>
        {WIRE_AGENCIES.map((agency) => (
          <option key={agency} value={agency} />
        ))}
      </datalist>
    </div>
  );
}
