import { beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { FIRST_LOCK_MS, lockDuration } from "@/lib/auth/login-throttle";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { staffForToken } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { resetStaffPassword, setStaffActive, updateStaffMember } from "@/lib/staff/manage-staff";
import { changeOwnPassword } from "@/lib/staff/own-account";
import { createStaff, STAFF_PASSWORD } from "../support/staff-fixtures";

const MINUTE = 60_000;
let ipCounter = 0;
/** A different client address per test, so IP counters do not carry over between tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeEach(async () => {
  await db.loginThrottle.deleteMany();
});

describe("signing in", () => {
  it("succeeds with the right password, records it in the audit log with a hashed IP", async () => {
    const editor = await createStaff("EDITOR");
    const result = await signInWithPassword({ email: ` ${editor.email.toUpperCase()} `, password: STAFF_PASSWORD, ip: "203.0.113.9" });
    expect(result).toMatchObject({ ok: true, userId: editor.id, sessionVersion: 0 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login.success", actorId: editor.id } });
    expect(entry.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(entry.ipHash).not.toContain("203.0.113.9");
  });

  it("answers an unknown e-mail exactly like a wrong password, and a deactivated account too", async () => {
    const reporter = await createStaff("REPORTER");
    const inactive = await createStaff("REPORTER");
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const ip = freshIp();
    const wrong = await signInWithPassword({ email: reporter.email, password: "not-the-password", ip });
    const unknown = await signInWithPassword({ email: "nobody@nowhere.test", password: "not-the-password", ip });
    const deactivated = await signInWithPassword({ email: inactive.email, password: STAFF_PASSWORD, ip });
    expect(unknown).toEqual(wrong);
    expect(deactivated).toEqual(wrong);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditLog.count({ where: { action: "auth.login.failure" } })).toBeGreaterThanOrEqual(3);
  });

  it("takes about as long for an unknown e-mail as for a known one (argon2 runs either way)", async () => {
    const reporter = await createStaff("REPORTER");
    const time = async (email: string) => {
      const started = performance.now();
      await signInWithPassword({ email, password: "not-the-password", ip: freshIp() });
      return performance.now() - started;
    };
    await time("warm-up@nowhere.test");
    const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0;
    const known = median([await time(reporter.email), await time(reporter.email), await time(reporter.email)]);
    const unknown = median([await time("x1@nowhere.test"), await time("x2@nowhere.test"), await time("x3@nowhere.test")]);
    // argon2id at 19 MiB takes tens of milliseconds; a missing lookup alone would take ~1 ms.
    expect(unknown).toBeGreaterThan(known / 3);
    expect(unknown).toBeLessThan(known * 3);
  });
});

describe("brute-force throttling", () => {
  it("locks an account after 5 failures in 15 minutes, even against the right password, for a growing time", async () => {
    const editor = await createStaff("EDITOR");
    const now = new Date("2026-05-01T00:00:00Z");
    for (let i = 0; i < 5; i += 1) {
      const result = await signInWithPassword({ email: editor.email, password: `wrong-${i}`, ip: freshIp(), now: new Date(now.getTime() + i * 1000) });
      expect(result.ok).toBe(false);
    }
    const locked = await signInWithPassword({ email: editor.email, password: STAFF_PASSWORD, ip: freshIp(), now: new Date(now.getTime() + 10_000) });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (locked.ok || locked.reason !== "locked") throw new Error("expected a lock");
    expect(locked.lockedUntil.getTime() - (now.getTime() + 4000)).toBe(FIRST_LOCK_MS);

    // After the lock ends the right password works again...
    const afterFirst = new Date(locked.lockedUntil.getTime() + 1000);
    // ...but 5 more failures lock it twice as long.
    for (let i = 0; i < 5; i += 1) {
      await signInWithPassword({ email: editor.email, password: `wrong-again-${i}`, ip: freshIp(), now: new Date(afterFirst.getTime() + i * 1000) });
    }
    const second = await signInWithPassword({ email: editor.email, password: STAFF_PASSWORD, ip: freshIp(), now: new Date(afterFirst.getTime() + 10_000) });
    if (second.ok || second.reason !== "locked") throw new Error("expected a second lock");
    expect(second.lockedUntil.getTime() - (afterFirst.getTime() + 4000)).toBe(2 * FIRST_LOCK_MS);
    expect(await db.auditLog.count({ where: { action: "auth.login.locked" } })).toBeGreaterThanOrEqual(2);
  });

  it("a burst of parallel guesses gets at most 5 password checks, and then the right password is refused too", async () => {
    const editor = await createStaff("EDITOR");
    const guesses = Array.from({ length: 30 }, (_, i) => signInWithPassword({ email: editor.email, password: `parallel-guess-${i}`, ip: freshIp() }));
    const results = await Promise.all(guesses);
    expect(results.every((result) => !result.ok)).toBe(true);
    const checked = await db.auditLog.count({ where: { action: "auth.login.failure", targetId: editor.id } });
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((result) => !result.ok && result.reason === "locked").length).toBeGreaterThanOrEqual(25);
    expect(await signInWithPassword({ email: editor.email, password: STAFF_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("good sign-ins from one office IP do not count toward its limit", async () => {
    const ip = freshIp();
    for (let i = 0; i < 25; i += 1) {
      const person = await createStaff("REPORTER");
      expect(await signInWithPassword({ email: person.email, password: STAFF_PASSWORD, ip })).toMatchObject({ ok: true });
    }
  });

  it("guessing the current password from an open session is throttled and logged", async () => {
    const reporter = await createStaff("REPORTER");
    for (let i = 0; i < 5; i += 1) {
      await expect(changeOwnPassword(reporter, { currentPassword: `guess-${i}-wrong`, newPassword: "brand-new-passphrase-7", confirmPassword: "brand-new-passphrase-7" })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(changeOwnPassword(reporter, { currentPassword: STAFF_PASSWORD, newPassword: "brand-new-passphrase-7", confirmPassword: "brand-new-passphrase-7" })).rejects.toMatchObject({ code: "LOCKED" });
    expect(await db.auditLog.count({ where: { action: "auth.password.change.failure", actorId: reporter.id } })).toBe(5);
  });

  it("counts failures only within 15 minutes", async () => {
    const editor = await createStaff("EDITOR");
    const start = new Date("2026-05-02T00:00:00Z");
    for (let i = 0; i < 4; i += 1) await signInWithPassword({ email: editor.email, password: "wrong", ip: freshIp(), now: start });
    const later = new Date(start.getTime() + 16 * MINUTE);
    await signInWithPassword({ email: editor.email, password: "wrong", ip: freshIp(), now: later });
    expect(await signInWithPassword({ email: editor.email, password: STAFF_PASSWORD, ip: freshIp(), now: later })).toMatchObject({ ok: true });
  });

  it("locks an IP after 20 failures in 15 minutes, whatever e-mails it tries", async () => {
    const victim = await createStaff("ADMIN");
    const ip = freshIp();
    const now = new Date("2026-05-03T00:00:00Z");
    for (let i = 0; i < 20; i += 1) await signInWithPassword({ email: `guess${i}@nowhere.test`, password: "123456", ip, now });
    expect(await signInWithPassword({ email: victim.email, password: STAFF_PASSWORD, ip, now })).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInWithPassword({ email: victim.email, password: STAFF_PASSWORD, ip: freshIp(), now })).toMatchObject({ ok: true });
  });

  it("a password reset by an admin lifts the account's lock", async () => {
    const admin = await createStaff("ADMIN");
    const reporter = await createStaff("REPORTER");
    for (let i = 0; i < 5; i += 1) await signInWithPassword({ email: reporter.email, password: "wrong", ip: freshIp() });
    const { temporaryPassword } = await resetStaffPassword(admin, reporter.id);
    expect(await signInWithPassword({ email: reporter.email, password: temporaryPassword, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("lock durations double up to a day", () => {
    expect([1, 2, 3, 4, 10].map(lockDuration)).toEqual([15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE, 24 * 60 * MINUTE]);
  });
});

describe("no locking out someone else (device cookies)", () => {
  const ok = async (email: string, ip: string, deviceToken?: string) => {
    const result = await signInWithPassword({ email, password: STAFF_PASSWORD, ip, deviceToken });
    if (!result.ok) throw new Error(`expected a sign-in, got ${JSON.stringify(result)}`);
    return result;
  };
  const checksOn = (userId: string) => db.auditLog.count({ where: { action: "auth.login.failure", targetId: userId } });

  it("an outsider who locks the account and the office address does not lock out the owner's own browser", async () => {
    const chief = await createStaff("ADMIN");
    const officeIp = freshIp();
    const { deviceToken } = await ok(chief.email, officeIp);
    // The outsider, from the same address (a shared NAT) and from others: 50 guesses.
    for (let i = 0; i < 25; i += 1) await signInWithPassword({ email: chief.email, password: `guess-${i}`, ip: officeIp });
    for (let i = 0; i < 25; i += 1) await signInWithPassword({ email: chief.email, password: `guess-b-${i}`, ip: freshIp() });
    // Every browser without the device cookie is locked out, the right password included...
    expect(await signInWithPassword({ email: chief.email, password: STAFF_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false, reason: "locked" });
    // ...but the owner's browser gets in, from the very address the guesses came from.
    const again = await ok(chief.email, officeIp, deviceToken);
    expect(again.deviceToken).not.toBe(deviceToken);
  });

  it("the outsider still gets no more password checks: a handful per window, however the owner signs in meanwhile", async () => {
    const chief = await createStaff("ADMIN");
    const { deviceToken } = await ok(chief.email, freshIp());
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => signInWithPassword({ email: chief.email, password: `round-${round}-${i}`, ip: freshIp() })));
      await ok(chief.email, freshIp(), deviceToken);
    }
    expect(await checksOn(chief.id)).toBeLessThanOrEqual(5);
  });

  it("a forged, altered or someone else's device cookie counts as an unknown browser", async () => {
    const chief = await createStaff("ADMIN");
    const other = await createStaff("REPORTER");
    const { deviceToken: othersToken } = await ok(other.email, freshIp());
    const { deviceToken: chiefsToken } = await ok(chief.email, freshIp());
    for (let i = 0; i < 5; i += 1) await signInWithPassword({ email: chief.email, password: `guess-${i}`, ip: freshIp() });
    const [body = "", signature = ""] = chiefsToken.split(".");
    const altered = `${body}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    for (const token of [othersToken, altered, "made.up", `${body}.`, "x".repeat(500)]) {
      expect(await signInWithPassword({ email: chief.email, password: STAFF_PASSWORD, ip: freshIp(), deviceToken: token })).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await checksOn(chief.id)).toBe(5);
  });

  it("a stolen device cookie buys only its own handful of guesses, then counts as unknown", async () => {
    const chief = await createStaff("ADMIN");
    const { deviceToken } = await ok(chief.email, freshIp());
    for (let i = 0; i < 5; i += 1) await signInWithPassword({ email: chief.email, password: `stolen-${i}`, ip: freshIp(), deviceToken });
    expect(await checksOn(chief.id)).toBe(5);
    // The device is spent: its next attempts are charged to the account like any browser's.
    for (let i = 0; i < 10; i += 1) await signInWithPassword({ email: chief.email, password: `more-${i}`, ip: freshIp(), deviceToken });
    expect(await checksOn(chief.id)).toBe(10);
    expect(await signInWithPassword({ email: chief.email, password: STAFF_PASSWORD, ip: freshIp(), deviceToken })).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("sessions end at once", () => {
  const tokenOf = async (email: string) => {
    const result = await signInWithPassword({ email, password: STAFF_PASSWORD, ip: freshIp() });
    if (!result.ok) throw new Error("sign-in failed");
    return { uid: result.userId, sv: result.sessionVersion, signedInAt: Math.floor(Date.now() / 1000) };
  };

  it("a deactivated editor's existing session is refused on the next request", async () => {
    const admin = await createStaff("ADMIN");
    const editor = await createStaff("EDITOR");
    const token = await tokenOf(editor.email);
    expect(await staffForToken(token)).toMatchObject({ id: editor.id, role: "EDITOR" });
    await setStaffActive(admin, editor.id, false);
    expect(await staffForToken(token)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "staff.deactivate", targetId: editor.id } })).toBe(1);
  });

  it("a role change ends the sessions of the person whose role changed", async () => {
    const admin = await createStaff("ADMIN");
    const editor = await createStaff("EDITOR");
    const token = await tokenOf(editor.email);
    await updateStaffMember(admin, editor.id, { role: "REPORTER" });
    expect(await staffForToken(token)).toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "staff.role.change", targetId: editor.id } });
    expect(entry.detail).toEqual({ from: "EDITOR", to: "REPORTER" });
  });

  it("changing one's password ends every session of the account", async () => {
    const reporter = await createStaff("REPORTER");
    const token = await tokenOf(reporter.email);
    const staff = await staffForToken(token);
    if (!staff) throw new Error("no session");
    await changeOwnPassword(staff, { currentPassword: STAFF_PASSWORD, newPassword: "brand-new-passphrase-7", confirmPassword: "brand-new-passphrase-7" });
    expect(await staffForToken(token)).toBeNull();
    expect(await signInWithPassword({ email: reporter.email, password: "brand-new-passphrase-7", ip: freshIp() })).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "auth.password.change", actorId: reporter.id } })).toBe(1);
  });

  it("signing out ends the session token, and only the current one counts", async () => {
    const editor = await createStaff("EDITOR");
    const token = await tokenOf(editor.email);
    await authOptions.events?.signOut?.({ token: { ...token }, session: null as never });
    expect(await staffForToken(token)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.logout", actorId: editor.id } })).toBe(1);
  });

  it("a forged token for a user at a future session version is refused", async () => {
    const editor = await createStaff("EDITOR");
    const now = Math.floor(Date.now() / 1000);
    expect(await staffForToken({ uid: editor.id, sv: 0, signedInAt: now })).toMatchObject({ id: editor.id });
    expect(await staffForToken({ uid: editor.id, sv: 5, signedInAt: now })).toBeNull();
    expect(await staffForToken({ uid: "not-a-user", sv: 0, signedInAt: now })).toBeNull();
    expect(await staffForToken({ uid: editor.id, signedInAt: now })).toBeNull();
  });

  it("a session older than 12 hours is refused even if next-auth renewed its expiry", async () => {
    const editor = await createStaff("EDITOR");
    const now = Math.floor(Date.now() / 1000);
    expect(await staffForToken({ uid: editor.id, sv: 0, signedInAt: now - 11 * 3600 })).not.toBeNull();
    expect(await staffForToken({ uid: editor.id, sv: 0, signedInAt: now - 13 * 3600 })).toBeNull();
    expect(await staffForToken({ uid: editor.id, sv: 0 })).toBeNull();
  });
});

describe("password rules", () => {
  it.each([
    ["too short", "short-pw1"],
    ["on the common list", "password1234"],
    ["common with case changed", "QwErTy123456"],
    ["common with digits appended", "iloveyou2024"],
    ["one letter ten times", "aaaaaaaaaa"],
    ["ten spaces", "          "],
    ["a keyboard row", "qwertyuiop12"],
    ["a common word and a year", "password2026!"],
    ["a digit run", "1234567890"],
  ])("refuses a password that is %s", (_reason, password) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(false);
  });

  it("says in Korean why a weak password is refused", () => {
    const parsed = newPasswordSchema.safeParse("aaaaaaaaaa");
    expect(parsed.error?.issues[0]?.message).toMatch(/^추측하기 쉬운 비밀번호입니다\. "aaa"처럼 같은 글자를 되풀이하면/);
  });

  it("accepts a long uncommon password", () => {
    expect(newPasswordSchema.safeParse("한강 위로 뜨는 달 2026").success).toBe(true);
  });

  it("changing a password needs the current one and a new one that follows the rules", async () => {
    const reporter = await createStaff("REPORTER");
    await expect(changeOwnPassword(reporter, { currentPassword: "wrong-current-pw", newPassword: "brand-new-passphrase-7", confirmPassword: "brand-new-passphrase-7" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "현재 비밀번호가 올바르지 않습니다.",
    });
    await expect(changeOwnPassword(reporter, { currentPassword: STAFF_PASSWORD, newPassword: "qwerty123456", confirmPassword: "qwerty123456" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "너무 흔한 비밀번호입니다. 다른 비밀번호를 쓰세요.",
    });
    await expect(changeOwnPassword(reporter, { currentPassword: STAFF_PASSWORD, newPassword: "brand-new-passphrase-7", confirmPassword: "different-one-77" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("a password reset makes a temporary password that must be changed, and ends old sessions", async () => {
    const admin = await createStaff("ADMIN");
    const reporter = await createStaff("REPORTER");
    const before = await signInWithPassword({ email: reporter.email, password: STAFF_PASSWORD, ip: freshIp() });
    const { temporaryPassword } = await resetStaffPassword(admin, reporter.id);
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    if (!before.ok) throw new Error("sign-in failed");
    expect(await staffForToken({ uid: before.userId, sv: before.sessionVersion, signedInAt: Math.floor(Date.now() / 1000) })).toBeNull();
    expect(await signInWithPassword({ email: reporter.email, password: STAFF_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false });
    const after = await signInWithPassword({ email: reporter.email, password: temporaryPassword, ip: freshIp() });
    if (!after.ok) throw new Error("temporary password refused");
    expect(await staffForToken({ uid: after.userId, sv: after.sessionVersion, signedInAt: Math.floor(Date.now() / 1000) })).toMatchObject({ mustChangePassword: true });
  });
});

describe("staff management rules", () => {
  it("the only admin cannot deactivate or demote themself", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const admin = await createStaff("ADMIN");
    await expect(setStaffActive(admin, admin.id, false)).rejects.toMatchObject({ code: "VALIDATION", message: "자기 자신의 계정은 비활성화할 수 없습니다." });
    await expect(updateStaffMember(admin, admin.id, { role: "EDITOR" })).rejects.toMatchObject({ code: "VALIDATION", message: "마지막 관리자의 역할은 바꿀 수 없습니다. 먼저 다른 관리자를 지정하세요." });
  });

  it("two admins removing each other at the same moment leave one admin, not none", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const first = await createStaff("ADMIN");
    const second = await createStaff("ADMIN");
    const outcomes = await Promise.all([
      setStaffActive(first, second.id, false).then(() => "ok", (error: { code?: string }) => error.code),
      updateStaffMember(second, first.id, { role: "REPORTER" }).then(() => "ok", (error: { code?: string }) => error.code),
    ]);
    expect(outcomes.sort()).toEqual(["FORBIDDEN", "ok"]);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("a duplicate e-mail is refused with a clear message", async () => {
    const admin = await createStaff("ADMIN");
    const existing = await createStaff("REPORTER");
    const { createStaffMember } = await import("@/lib/staff/manage-staff");
    await expect(createStaffMember(admin, { name: "중복", email: existing.email.toUpperCase(), role: "REPORTER", title: "기자" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "이미 같은 이메일로 등록된 직원이 있습니다.",
    });
  });
});
