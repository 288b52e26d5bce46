// The one permission table: what each role may do, to any record or only to its own.
// Every domain function that reads non-public data or changes anything asks `assertCan` first,
// so no page, server action or API route can skip the check. Workflow states (for example
// "a reporter edits a story only while it is a draft") are checked by the workflow functions on
// top of this table; this table answers only "may this person do this kind of thing to this record".
import { forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { StaffUser } from "@/lib/auth/staff-user";

/** "any": every record; "own": only records the user owns; "none": never. */
export type Grant = "any" | "own" | "none";

export const PERMISSIONS = {
  // Stories in the newsroom (the public site needs no permission).
  "article.create": { REPORTER: "any", EDITOR: "any", ADMIN: "any" },
  "article.read": { REPORTER: "own", EDITOR: "any", ADMIN: "any" },
  "article.edit": { REPORTER: "own", EDITOR: "any", ADMIN: "any" },
  // Handing a story to the desk is its writer's act: the desk is its receiver, and a story the
  // desk returned waits for its reporter (the desk's own stories it submits like anyone).
  "article.submit": { REPORTER: "own", EDITOR: "own", ADMIN: "own" },
  "article.return": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "article.approve": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "article.unpublish": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  // Taking over a story someone else has open in the editor (their tab turns read-only).
  "article.takeover": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  // Uploaded images (photos for stories and staff profiles).
  "media.upload": { REPORTER: "any", EDITOR: "any", ADMIN: "any" },
  // The shared media library: everyone browses and reuses; the uploader or the desk edits captions.
  "media.read": { REPORTER: "any", EDITOR: "any", ADMIN: "any" },
  "media.edit": { REPORTER: "own", EDITOR: "any", ADMIN: "any" },
  // Staff and the audit log.
  "staff.list": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  "staff.create": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  "staff.update": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  "staff.deactivate": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  "staff.resetPassword": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  "profile.read": { REPORTER: "own", EDITOR: "own", ADMIN: "own" },
  "profile.update": { REPORTER: "own", EDITOR: "own", ADMIN: "own" },
  "password.change": { REPORTER: "own", EDITOR: "own", ADMIN: "own" },
  "audit.read": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // Readers' comments: the desk moderates (queue, hide, restore, delete), bans sources and closes
  // a story's comments; only admins change the blocked words and the comment rules.
  "comment.moderate": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "comment.ban": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "comment.close": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "comment.configure": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // Portal transmission (포털 송고): the desk sees where stories went and sends, resends or holds
  // them per destination; only admins set destinations up (endpoints and secrets).
  "portal.read": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "portal.send": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "portal.configure": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // Readers' mail: the digest's time, subscriber counts (never addresses), the demo's outbox.
  "newsletter.configure": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // 임시조치 (정보통신망법 제44조의2): the desk blocks a story or a comment, restores or deletes it.
  "takedown.manage": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  // Elections whose poll blackout the workflow enforces (공직선거법 제108조): an admin's setting.
  "election.manage": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // The publisher's page (share of own reporting, the reviewers' story list): the desk and admins
  // read it; only admins set the threshold it is measured against.
  "eligibility.read": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "eligibility.configure": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
  // The rights desk (lib/claims): the desk reads readers' claims with their personal data and
  // evidence, answers them and exports them; only admins set the legal periods and retention.
  "claim.read": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "claim.decide": { REPORTER: "none", EDITOR: "any", ADMIN: "any" },
  "claim.configure": { REPORTER: "none", EDITOR: "none", ADMIN: "any" },
} as const satisfies Record<string, Record<Role, Grant>>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** The record an action is done to, when ownership matters: whose it is. */
export interface OwnedRecord {
  ownerId: string;
}

export function can(user: Pick<StaffUser, "id" | "role">, action: Action, record?: OwnedRecord): boolean {
  const grant: Grant = PERMISSIONS[action][user.role];
  if (grant === "any") return true;
  if (grant === "own") return record !== undefined && record.ownerId === user.id;
  return false;
}

/** Whether the grant covers everyone's records, not only the user's own (e.g. the desk reads every story). */
export function canForAnyRecord(user: Pick<StaffUser, "role">, action: Action): boolean {
  return PERMISSIONS[action][user.role] === "any";
}

export function assertCan(user: Pick<StaffUser, "id" | "role">, action: Action, record?: OwnedRecord): void {
  if (!can(user, action, record)) throw forbidden();
}
