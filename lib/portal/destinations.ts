import "server-only";
// Destinations (송고처), set up by admins only: name, kind, endpoint, secret, the section ->
// category map, whether wire photos may go there, active or not. A secret is shown once, when it
// is made, and never again (the database client omits it from every query; nothing logs it).
import { randomBytes } from "node:crypto";
import type { StaffUser } from "@/lib/auth/staff-user";
import { assertCan } from "@/lib/auth/permissions";
import { serverEnv, siteBaseUrl } from "@/lib/config/env";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { PortalDestinationKind } from "@/lib/generated/prisma/enums";
import { endpointRefusal } from "@/lib/portal/address-policy";
import { feedTokenHash } from "@/lib/portal/feed-token";
import { destinationInputSchema, type DestinationInput } from "@/lib/portal/destination-input";
import { enqueueDeliveriesWaiting } from "@/lib/portal/portal-queue";
import { parseInput } from "@/lib/validation";

/** What is shown once after saving: a new secret, and for a pull destination its feed address. */
export interface ShownOnce {
  secret?: string;
  feedUrl?: string;
}

function pullFeedUrl(destinationId: number, token: string): string {
  return `${siteBaseUrl()}/api/portal/feeds/${destinationId}/${encodeURIComponent(token)}`;
}

function newSecret(kind: PortalDestinationKind): string {
  return kind === "PULL" ? randomBytes(24).toString("base64url") : randomBytes(24).toString("hex");
}

/** The value stored for a secret: the key itself, or for a feed token its hash. */
const storedSecret = (kind: PortalDestinationKind, secret: string) => (kind === "PULL" ? feedTokenHash(secret) : secret);

const destinationSelect = {
  id: true,
  name: true,
  kind: true,
  endpoint: true,
  feedFormat: true,
  allowWirePhotos: true,
  active: true,
  ratePerMinute: true,
  lastFetchedAt: true,
  updatedAt: true,
  categories: { select: { sectionId: true, category: true, section: { select: { name: true } } }, orderBy: { section: { sortOrder: "asc" } } },
} as const;

export async function listDestinationsForAdmin(actor: StaffUser) {
  assertCan(actor, "portal.configure");
  return db.portalDestination.findMany({ select: destinationSelect, orderBy: { id: "asc" } });
}

export type AdminDestination = Awaited<ReturnType<typeof listDestinationsForAdmin>>[number];

export async function getDestinationForAdmin(actor: StaffUser, id: number) {
  assertCan(actor, "portal.configure");
  const destination = await db.portalDestination.findUnique({ where: { id }, select: destinationSelect });
  if (!destination) throw notFound("송고처를 찾을 수 없습니다.");
  return destination;
}

/** Destinations by name, for the desk's panels and filters. */
export async function listDestinationNames(actor: StaffUser) {
  assertCan(actor, "portal.read");
  return db.portalDestination.findMany({ select: { id: true, name: true, kind: true, active: true }, orderBy: { id: "asc" } });
}

async function checkAgainstDatabase(input: DestinationInput, id: number | null): Promise<void> {
  const sameName = await db.portalDestination.findFirst({ where: { name: input.name, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (sameName) throw conflict("같은 이름의 송고처가 이미 있습니다. 다른 이름을 쓰세요.", { fieldErrors: { name: "같은 이름의 송고처가 있습니다." } });
  const sectionIds = input.categories.map((entry) => entry.sectionId);
  const found = new Set((await db.section.findMany({ where: { id: { in: sectionIds } }, select: { id: true } })).map((section) => section.id));
  const missing = sectionIds.filter((sectionId) => !found.has(sectionId));
  if (missing.length > 0) {
    throw invalid(`카테고리 연결에 없는 섹션이 있습니다 (섹션 번호 ${missing.join(", ")}). 섹션 목록을 새로 불러와 다시 고르세요.`, { fieldErrors: { categories: "없는 섹션입니다." } });
  }
}

/**
 * Creates a destination (`id` null) or changes one. An empty secret keeps the current one; a new
 * destination, or one whose kind changes, gets a generated one when none is given. Returns what
 * must be shown to the admin once.
 */
export async function saveDestination(actor: StaffUser, id: number | null, raw: unknown): Promise<{ id: number; shownOnce: ShownOnce }> {
  assertCan(actor, "portal.configure");
  const input = parseInput(destinationInputSchema, raw);
  if (input.kind !== "PULL") {
    const refusal = endpointRefusal(input.endpoint, serverEnv().PORTAL_ALLOW_PRIVATE_ADDRESSES === "1");
    if (refusal) throw invalid(refusal, { fieldErrors: { endpoint: refusal } });
  }
  const existing = id === null ? null : await db.portalDestination.findUnique({ where: { id }, select: { kind: true, active: true } });
  if (id !== null && !existing) throw notFound("송고처를 찾을 수 없습니다.");
  await checkAgainstDatabase(input, id);

  const needsSecret = !existing || existing.kind !== input.kind;
  const secret = input.secret || (needsSecret ? newSecret(input.kind) : "");
  const generated = input.secret === "" && secret !== "";
  const fields = {
    name: input.name,
    kind: input.kind,
    endpoint: input.kind === "PULL" ? "" : input.endpoint,
    feedFormat: input.feedFormat,
    allowWirePhotos: input.allowWirePhotos,
    active: input.active,
    ratePerMinute: input.ratePerMinute,
    ...(secret ? { secret: storedSecret(input.kind, secret) } : {}),
  };
  const saved = await db.$transaction(async (tx) => {
    const row = existing && id !== null ? await tx.portalDestination.update({ where: { id }, data: fields, select: { id: true } }) : await tx.portalDestination.create({ data: { ...fields, secret: storedSecret(input.kind, secret) }, select: { id: true } });
    await tx.portalCategory.deleteMany({ where: { destinationId: row.id } });
    if (input.categories.length > 0) await tx.portalCategory.createMany({ data: input.categories.map((entry) => ({ destinationId: row.id, ...entry })) });
    await emitDomainEvent(tx, {
      type: "portal.destination-changed",
      destinationId: row.id,
      actorId: actor.id,
      change: existing ? "updated" : "created",
      // Which settings, never the secret's value.
      secretChanged: secret !== "",
      active: input.active,
    });
    // Switched back on: what waited for it goes out.
    if (existing && !existing.active && input.active) await enqueueDeliveriesWaiting(tx, row.id);
    return row;
  });
  const shownOnce: ShownOnce = {};
  if (input.kind === "PULL" && secret) shownOnce.feedUrl = pullFeedUrl(saved.id, secret);
  if (generated && input.kind !== "PULL") shownOnce.secret = secret;
  return { id: saved.id, shownOnce };
}
