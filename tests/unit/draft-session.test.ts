// The editor's save engine: serialised saves, autosave after a pause, local backup until the
// server has the text, conflicts and takeovers stop saving instead of overwriting.
import { describe, expect, it } from "vitest";
import type { EditorDraft } from "@/lib/articles/editor/editor-types";
import { AUTOSAVE_DELAY_MS, DraftSession, OFFLINE_RETRY_MS, type LocalBackup, type SaveResult, type SaveTransport, type Timers } from "@/components/editor/draft-session";

class ManualTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  set(callback: () => void, ms: number) {
    const handle = this.next++;
    this.pending.set(handle, { at: this.now + ms, callback });
    return handle;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  async advance(ms: number) {
    this.now += ms;
    for (const [handle, timer] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= this.now && this.pending.has(handle)) {
        this.pending.delete(handle);
        timer.callback();
      }
    }
    await flush();
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Call {
  id: number | null;
  version: number;
  headline: string;
  autosave: boolean;
  keepalive: boolean;
  resolve: (result: SaveResult) => void;
}

function setup(options: { id?: number | null; headline?: string } = {}) {
  const timers = new ManualTimers();
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: SaveTransport = {
    save: ({ id, version, draft, autosave, keepalive }) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<SaveResult>((resolve) => {
        calls.push({ id, version, headline: draft.headline, autosave, keepalive, resolve: (result) => { inFlight -= 1; resolve(result); } });
      });
    },
  };
  const backups: (LocalBackup | null)[] = [];
  let text = options.headline ?? "제목";
  const draft = (): EditorDraft => ({ headline: text, subHeadlines: [], sectionId: null, summary: "", tags: [], heroImageId: null, heroCaption: "", heroCredit: "", heroAlt: "", origin: null, originSource: "", pollSurvey: null, body: { type: "doc", content: [] } });
  const created: number[] = [];
  const session = new DraftSession({
    id: options.id === undefined ? 7 : options.id,
    version: 3,
    snapshot: draft,
    transport,
    timers,
    backup: { write: async (backup) => void backups.push(backup), clear: async () => void backups.push(null) },
    onCreated: (id) => created.push(id),
  });
  const type = (value: string) => {
    text = value;
    session.markChanged();
  };
  return { session, timers, calls, backups, type, created, maxInFlight: () => maxInFlight };
}

describe("autosave", () => {
  it("saves once, 2 s after typing stops, not per keystroke", async () => {
    const { session, timers, calls, type } = setup();
    for (const value of ["제", "제목", "제목 하", "제목 하나"]) {
      type(value);
      await timers.advance(500);
    }
    expect(calls).toHaveLength(0);
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls).toMatchObject([{ id: 7, version: 3, headline: "제목 하나", autosave: true }]);
    calls[0]!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(session.status.kind).toBe("saved");
    expect(session.currentVersion).toBe(4);
  });

  it("keeps a local backup while the text is unsaved and clears it once the server has it", async () => {
    const { timers, calls, backups, type } = setup();
    type("백업할 글");
    await timers.advance(1000);
    expect(backups).toMatchObject([{ articleId: 7, baseVersion: 3, draft: { headline: "백업할 글" } }]);
    await timers.advance(AUTOSAVE_DELAY_MS);
    calls[0]!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(backups.at(-1)).toBeNull();
  });
});

describe("saves are serialised", () => {
  it("never two in flight: the next waits and carries the version the first got back", async () => {
    const { session, timers, calls, type, maxInFlight, backups } = setup();
    type("첫 판");
    const first = session.requestSave({ autosave: false });
    await flush();
    type("둘째 판");
    const second = session.requestSave({ autosave: false });
    type("셋째 판");
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(1);

    calls[0]!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ version: 4, headline: "셋째 판", autosave: false });
    // The text typed during the first save was not cleared from the backup.
    expect(backups.includes(null)).toBe(false);
    calls[1]!.resolve({ outcome: "saved", id: 7, version: 5 });
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(maxInFlight()).toBe(1);
    expect(session.currentVersion).toBe(5);
    expect(session.hasUnsavedChanges).toBe(false);
  });
});

describe("when the server refuses or cannot be reached", () => {
  it("a stale save (409) stops all saving, keeps the text backed up, and waits for the reporter", async () => {
    const { session, timers, calls, type, backups } = setup();
    type("내 글");
    await timers.advance(AUTOSAVE_DELAY_MS);
    calls[0]!.resolve({ outcome: "conflict", currentVersion: 9 });
    await flush();
    expect(session.status).toEqual({ kind: "conflict", currentVersion: 9 });
    expect(backups.at(-1)).toMatchObject({ draft: { headline: "내 글" } });
    type("내 글 계속");
    await timers.advance(AUTOSAVE_DELAY_MS * 3);
    expect(calls).toHaveLength(1);
    expect(await session.requestSave({ autosave: false })).toBe(false);

    // Keep mine: save over the version now on the server.
    session.resume({ version: 9, changed: true });
    void session.requestSave({ autosave: false });
    await flush();
    expect(calls[1]).toMatchObject({ version: 9, headline: "내 글 계속" });
  });

  it("a takeover makes it stop too", async () => {
    const { session, timers, calls, type } = setup();
    type("인턴 글");
    await timers.advance(AUTOSAVE_DELAY_MS);
    calls[0]!.resolve({ outcome: "taken-over", by: "박서연" });
    await flush();
    expect(session.status).toEqual({ kind: "taken-over", by: "박서연" });
    type("더 쓰기");
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(1);
  });

  it("offline: says so, keeps the backup, and saves when the network is back", async () => {
    const { session, timers, calls, type, backups } = setup();
    type("지하철에서 쓴 글");
    await timers.advance(AUTOSAVE_DELAY_MS);
    calls[0]!.resolve({ outcome: "offline" });
    await flush();
    expect(session.status.kind).toBe("offline");
    expect(backups.at(-1)).toMatchObject({ draft: { headline: "지하철에서 쓴 글" } });
    session.online();
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(session.status.kind).toBe("saved");
    expect(backups.at(-1)).toBeNull();
  });

  it("the server cannot save (database down): its message stays shown while writing on, the text is kept, and the save is tried again", async () => {
    const { session, timers, calls, type, backups } = setup();
    type("장애 중에 쓴 글");
    await timers.advance(AUTOSAVE_DELAY_MS);
    const message = "지금 데이터베이스에 연결할 수 없어 처리하지 못했습니다.";
    calls[0]!.resolve({ outcome: "unavailable", message });
    await flush();
    expect(session.status).toEqual({ kind: "unavailable", message });
    expect(backups.at(-1)).toMatchObject({ draft: { headline: "장애 중에 쓴 글" } });
    type("장애 중에 쓴 글 하나 더");
    expect(session.status).toEqual({ kind: "unavailable", message });
    await timers.advance(OFFLINE_RETRY_MS);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    calls.at(-1)!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(session.status.kind).toBe("saved");
    expect(backups.at(-1)).toBeNull();
  });

  it("a refused save (validation) shows the message and keeps the text", async () => {
    const { session, timers, calls, type, backups } = setup();
    type("");
    await timers.advance(AUTOSAVE_DELAY_MS);
    calls[0]!.resolve({ outcome: "invalid", message: "제목을 입력하세요." });
    await flush();
    expect(session.status).toEqual({ kind: "error", message: "제목을 입력하세요." });
    expect(backups.at(-1)).not.toBeNull();
  });
});

describe("a new story", () => {
  it("waits for a headline, then is created by its first save", async () => {
    const { session, timers, calls, type, created, backups } = setup({ id: null, headline: "" });
    session.markChanged();
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(0);
    expect(session.status.kind).toBe("needs-headline");
    expect(backups.at(-1)).toMatchObject({ articleId: null });
    type("새 기사 제목");
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls[0]).toMatchObject({ id: null, headline: "새 기사 제목" });
    calls[0]!.resolve({ outcome: "saved", id: 42, version: 1 });
    await flush();
    expect(created).toEqual([42]);
    expect(session.articleId).toBe(42);
  });
});

describe("leaving the page", () => {
  it("backs up and sends the unsaved text with keepalive before the autosave would have", async () => {
    const { session, timers, calls, type, backups } = setup();
    type("탭을 닫기 직전에 쓴 문장");
    await timers.advance(100);
    session.flushOnExit();
    await flush();
    expect(calls).toMatchObject([{ keepalive: true, headline: "탭을 닫기 직전에 쓴 문장" }]);
    expect(backups.at(-1)).toMatchObject({ draft: { headline: "탭을 닫기 직전에 쓴 문장" } });
    // The page stayed (only hidden): the answer is taken like any save's, and no second save races it.
    await timers.advance(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ outcome: "saved", id: 7, version: 4 });
    await flush();
    expect(session.currentVersion).toBe(4);
  });
});

describe("the last words before the page goes away", () => {
  it("are written synchronously when the store can (an IndexedDB write started then may never commit)", async () => {
    const written: LocalBackup[] = [];
    const session = new DraftSession({
      id: 7,
      version: 3,
      snapshot: () => ({ headline: "마지막 글자까지", subHeadlines: [], sectionId: null, summary: "", tags: [], heroImageId: null, heroCaption: "", heroCredit: "", heroAlt: "", origin: null, originSource: "", pollSurvey: null, body: { type: "doc", content: [] } }),
      transport: { save: () => new Promise<SaveResult>(() => {}) },
      timers: new ManualTimers(),
      backup: { write: async () => {}, writeNow: (backup) => void written.push(backup), clear: async () => {} },
    });
    session.markChanged();
    session.flushOnExit();
    // No await: it is already written when flushOnExit returns.
    expect(written).toMatchObject([{ articleId: 7, baseVersion: 3, draft: { headline: "마지막 글자까지" } }]);
  });
});

describe("the last words kept on every change (a tab can die without pagehide)", () => {
  function lastWordsSetup(writeCost: number) {
    const timers = new ManualTimers();
    const written: string[] = [];
    let text = "";
    let clock = 0;
    const session = new DraftSession({
      id: 7,
      version: 3,
      snapshot: () => ({ headline: text, subHeadlines: [], sectionId: null, summary: "", tags: [], heroImageId: null, heroCaption: "", heroCredit: "", heroAlt: "", origin: null, originSource: "", pollSurvey: null, body: { type: "doc", content: [] } }),
      transport: { save: () => new Promise<SaveResult>(() => {}) },
      timers,
      clock: () => clock,
      backup: {
        write: async () => {},
        writeNow: (backup) => {
          clock += writeCost;
          written.push(backup.draft.headline);
        },
        clear: async () => {},
      },
    });
    const type = (next: string) => {
      text = next;
      session.markChanged();
    };
    return { session, timers, written, type, advanceClock: (ms: number) => (clock += ms) };
  }

  it("writes each change synchronously once its task ends, one write for several changes in one task", async () => {
    const { written, type, advanceClock } = lastWordsSetup(0.2);
    type("마");
    type("마감");
    expect(written).toEqual([]);
    await Promise.resolve();
    expect(written).toEqual(["마감"]);
    advanceClock(100);
    type("마감 직전");
    await Promise.resolve();
    expect(written).toEqual(["마감", "마감 직전"]);
  });

  it("spaces the writes out when one costs much (a very long story), and writes the rest on a timer", async () => {
    const { written, type, timers, advanceClock } = lastWordsSetup(5);
    type("가");
    await Promise.resolve();
    advanceClock(10);
    type("가나");
    await Promise.resolve();
    advanceClock(10);
    type("가나다");
    await Promise.resolve();
    // 5 ms a write: at most one per 100 ms, the newest text written when the wait is over.
    expect(written).toEqual(["가"]);
    await timers.advance(89);
    expect(written).toEqual(["가"]);
    await timers.advance(1);
    expect(written).toEqual(["가", "가나다"]);
  });
});
