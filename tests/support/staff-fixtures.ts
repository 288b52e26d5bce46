// Staff accounts for integration tests, written straight to the real database. The password
// hash is computed once: argon2 is deliberately slow.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password-hash";
import { staffUserSelect, type StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { paragraphBody, SUBMITTABLE_TEXT, testSectionId } from "./story-fixtures";

export const STAFF_PASSWORD = "correct-horse-battery-42";
let passwordHash: Promise<string> | undefined;

export async function createStaff(role: Role, overrides: { title?: string; email?: string; name?: string } = {}): Promise<StaffUser> {
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.newsroom`,
      name: overrides.name ?? `${role} 테스트`,
      role,
      title: overrides.title ?? (role === "REPORTER" ? "기자" : "데스크"),
      passwordHash: await passwordHash,
    },
    select: staffUserSelect,
  });
  const { active: _active, ...staff } = user;
  return staff;
}

/** A story by `author` in the given state, created directly (not through the workflow). */
export async function createArticle(authorId: string, status: "DRAFT" | "SUBMITTED" | "PUBLISHED" = "DRAFT") {
  const live = status === "PUBLISHED";
  const article = await db.article.create({
    data: {
      headline: `테스트 기사 ${randomUUID().slice(0, 6)}`,
      subHeadlines: [],
      slug: "test",
      // Long enough, filed under a section and with an origin, to pass the submission checks.
      bodyJson: paragraphBody(SUBMITTABLE_TEXT),
      bodyHtml: `<p>${SUBMITTABLE_TEXT}</p>`,
      bodyText: SUBMITTABLE_TEXT,
      sectionId: await testSectionId(),
      origin: "OWN_REPORTING",
      authorId,
      status,
      submittedAt: status === "DRAFT" ? null : new Date(),
      approvedAt: live ? new Date() : null,
      publishedAt: live ? new Date() : null,
    },
  });
  if (live) {
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline: article.headline, subHeadlines: [], bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: authorId },
    });
    await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
  }
  return article;
}

/** A library photo row uploaded by `uploaderId`, created directly (no image processing). */
export async function createMedia(uploaderId: string | null, fields: { caption?: string; credit?: string; altText?: string } = {}) {
  const key = randomUUID().replaceAll("-", "");
  return db.media.create({
    data: { storageKey: `m/${key.slice(0, 2)}/${key}.jpg`, mimeType: "image/jpeg", byteSize: 1, width: 10, height: 10, uploaderId, ...fields },
  });
}
