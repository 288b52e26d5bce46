// Hostile form input to every newsroom form handler (what each server action runs), as each
// role: whatever arrives, the handler either succeeds or fails with a domain error (a Korean
// message for the form), never with anything that would surface as "server error". And a valid
// form to each makes its change (tests/support/form-handler-cases.ts), so a handler that takes
// anything and does nothing cannot pass.
import { fc, it } from "@fast-check/vitest";
import { beforeAll, describe, expect } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { FormHandler } from "@/lib/actions/staff-action";
import type { StaffUser } from "@/lib/auth/staff-user";
import { domainErrorFromDatabase } from "@/lib/db/prisma-errors";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { VALID_FORMS, type Outcome } from "../support/form-handler-cases";
import { FORM_FIELD_NAMES, FORM_HANDLERS, type FormHandlerName } from "../support/form-handlers";
import { hostileString } from "../support/hostile-input";
import { createArticle, createStaff } from "../support/staff-fixtures";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ROLES: Role[] = ["REPORTER", "EDITOR", "ADMIN"];
const actors = new Map<Role, StaffUser>();
let realValues: string[] = [];

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await createStaff(role));
  const reporter = actors.get("REPORTER");
  if (!reporter) throw new Error("no reporter");
  const stories = [await createArticle(reporter.id, "DRAFT"), await createArticle(reporter.id, "SUBMITTED"), await createArticle(reporter.id, "PUBLISHED")];
  realValues = [...stories.map((story) => String(story.id)), ...[...actors.values()].map((actor) => actor.id), "1", "true", "false", "2026-12-01T09:00", "REPORTER", "ADMIN"];
});

// Real ids exist only after beforeAll: pick them when values are drawn, not when the test is declared.
const fieldValue = () => fc.oneof(hostileString, fc.nat({ max: 99 }).map((n) => realValues[n % Math.max(1, realValues.length)] ?? "1"));
const hostileForm = () =>
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...FORM_FIELD_NAMES), fieldValue(), { maxKeys: FORM_FIELD_NAMES.length }),
      fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
    )
    .map(([known, strangers]) => {
      const form = new FormData();
      for (const [name, value] of [...Object.entries(known), ...Object.entries(strangers)]) form.append(name, value);
      return form;
    });

describe("every form handler survives hostile input as every role", () => {
  for (const [name, handler] of Object.entries(FORM_HANDLERS)) {
    for (const role of ROLES) {
      it.prop([hostileForm()], { numRuns: RUNS })(`${name} as ${role}`, async (form) => {
        const actor = actors.get(role);
        if (!actor) throw new Error("no actor");
        try {
          await handler(actor, form);
        } catch (error) {
          if (isRedirectError(error)) return;
          const known = error instanceof DomainError ? error : domainErrorFromDatabase(error);
          expect(known, String(error)).toBeInstanceOf(DomainError);
          expect(known?.message).toMatch(/[가-힣]/);
        }
      });
    }
  }
});

describe("a valid form to every form handler makes its change", () => {
  for (const name of Object.keys(FORM_HANDLERS) as FormHandlerName[]) {
    it(name, async () => {
      const { role, arrange } = VALID_FORMS[name];
      const actor = await createStaff(role);
      const { form, effect } = await arrange(actor);
      const formData = new FormData();
      for (const [field, value] of Object.entries(form)) for (const one of [value].flat()) formData.append(field, one);
      const handler: FormHandler = FORM_HANDLERS[name];
      const outcome: Outcome = await handler(actor, formData).then(
        (state) => ({ state }),
        (error: unknown) => ({ error }),
      );
      await effect(outcome);
    });
  }
});
