import "server-only";
// What the portal screens' forms send, read and passed to the domain (lib/portal/). Kept apart
// from the "use server" modules so the hostile-input test runs each handler in every role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { invalid } from "@/lib/errors";
import { holdStoryForDestination, releaseStoryForDestination, resendTransmission, sendStoryToDestination } from "@/lib/portal/desk-actions";
import { saveDestination } from "@/lib/portal/destinations";

const CATEGORY_FIELD = /^category-(\d{1,9})$/;

/** A whole positive number from a form field (ids), or a Korean refusal. */
function idField(formData: FormData, name: string, label: string): number {
  const value = formText(formData, name)?.trim() ?? "";
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw invalid(`${label} 번호가 올바르지 않습니다.`);
  return Number(value);
}

export const destinationIdFromForm = (formData: FormData) => formText(formData, "destinationId")?.trim() ?? "";

/** The section -> category map: one text field per section, empty = not mapped. */
function categoriesFromForm(formData: FormData) {
  const categories: { sectionId: number; category: string }[] = [];
  for (const [name, value] of formData.entries()) {
    const match = CATEGORY_FIELD.exec(name);
    if (match && typeof value === "string" && value.trim() !== "") categories.push({ sectionId: Number(match[1]), category: value });
  }
  return categories;
}

export const saveDestinationForm: FormHandler = async (staff, formData) => {
  const idText = destinationIdFromForm(formData);
  const id = idText === "" ? null : idField(formData, "destinationId", "송고처");
  const rate = formText(formData, "ratePerMinute")?.trim();
  const { shownOnce } = await saveDestination(staff, id, {
    name: formText(formData, "name") ?? "",
    kind: formText(formData, "kind") ?? "",
    endpoint: formText(formData, "endpoint") ?? "",
    secret: formText(formData, "secret") ?? "",
    feedFormat: formText(formData, "feedFormat") || "RSS",
    allowWirePhotos: formData.get("allowWirePhotos") === "on",
    active: formData.get("active") === "on",
    ratePerMinute: rate ? Number(rate) : 60,
    categories: categoriesFromForm(formData),
  });
  const message = id === null ? "송고처를 만들었습니다." : "송고처 설정을 저장했습니다.";
  if (shownOnce.feedUrl) return { status: "ok", message, secret: shownOnce.feedUrl, secretNote: "이 피드 주소는 지금 한 번만 보입니다 (비밀 토큰이 들어 있습니다). 포털 담당자에게 안전하게 전달하세요:" };
  if (shownOnce.secret) return { status: "ok", message, secret: shownOnce.secret, secretNote: "만든 비밀 키는 지금 한 번만 보입니다. 수신처 담당자에게 안전하게 전달하세요:" };
  return { status: "ok", message };
};

export const sendToDestinationForm: FormHandler = async (staff, formData) => ({
  status: "ok",
  message: await sendStoryToDestination(staff, idField(formData, "articleId", "기사"), idField(formData, "destinationId", "송고처")),
});

export const resendTransmissionForm: FormHandler = async (staff, formData) => {
  const value = formText(formData, "transmissionId")?.trim() ?? "";
  if (!/^\d{1,18}$/.test(value)) throw invalid("송고 기록 번호가 올바르지 않습니다.");
  return { status: "ok", message: await resendTransmission(staff, BigInt(value)) };
};

export const holdForDestinationForm: FormHandler = async (staff, formData) => ({
  status: "ok",
  message: await holdStoryForDestination(staff, idField(formData, "articleId", "기사"), idField(formData, "destinationId", "송고처")),
});

export const releaseForDestinationForm: FormHandler = async (staff, formData) => ({
  status: "ok",
  message: await releaseStoryForDestination(staff, idField(formData, "articleId", "기사"), idField(formData, "destinationId", "송고처")),
});
