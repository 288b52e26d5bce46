import "server-only";
// The chain every newsroom server action runs through: the signed-in staff member (checked
// against the database), then the action body, with domain errors turned into a Korean message
// for the form. Permission checks stay inside the domain functions. Next.js itself refuses
// server-action POSTs whose Origin does not match the host (CSRF).
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { requireStaff } from "@/lib/auth/session";
import type { StaffUser } from "@/lib/auth/staff-user";
import { domainErrorFromDatabase } from "@/lib/db/prisma-errors";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

/**
 * What a newsroom form does once the staff member is known: read the form, call one domain
 * function, say what happened. Handlers live in lib/<domain>/*-forms.ts, outside the "use server"
 * modules, so tests can run them with any input in any role.
 */
export type FormHandler = (staff: StaffUser, formData: FormData) => Promise<ActionState | void>;

export function staffAction(
  handler: FormHandler,
  options: {
    allowPendingPasswordChange?: boolean;
    /** Newsroom pages that show the result and must be rendered again after a success. */
    revalidate?: (formData: FormData) => string[];
  } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      const staff = await requireStaff(options);
      const state = (await handler(staff, formData)) ?? { status: "ok", message: "저장했습니다." };
      for (const path of options.revalidate?.(formData) ?? []) revalidatePath(path);
      return state;
    } catch (caught) {
      unstable_rethrow(caught);
      const error = domainErrorFromDatabase(caught) ?? caught;
      if (error instanceof DomainError) {
        if (error.code === "UNAUTHENTICATED") redirect("/login?reason=signed-out");
        const fieldErrors = error.details?.fieldErrors as Record<string, string> | undefined;
        return { status: "error", message: error.message, fieldErrors };
      }
      logger().error({ err: error }, "server action failed");
      return { status: "error", message: "서버 오류로 저장하지 못했습니다. 입력한 내용은 그대로 있으니 잠시 뒤 다시 시도하세요." };
    }
  };
}

/** A text field of a form, trimmed; absent fields are undefined so partial updates stay partial. */
export function formText(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A chosen file of a form, or undefined when the field was left empty. */
export function formFile(formData: FormData, name: string): File | undefined {
  const value = formData.get(name);
  return value instanceof File && value.size > 0 ? value : undefined;
}
