// Nicknames readers would take for the paper's own voice: its name, its desk ("관리자", "운영자",
// "admin"), or one of its staff, with or without a title ("박서연 선임기자"). Compared on a key
// that hides the usual tricks: NFKC (full-width ＡＤＭＩＮ, circled and compatibility letters),
// lower case, and nothing but letters and digits (no spaces, dots, hyphens, other punctuation,
// symbols, separators or combining marks: "관 리 자", "누리.일보", "박-서연"). Pure: the staff list
// comes from lib/comments/staff-nickname-check.ts.

export interface StaffName {
  name: string;
  title: string;
}

export type Impersonation = "paper" | "staff";

/** The nickname as compared: NFKC, lower case, letters and digits only. */
export function nicknameKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

// Words for the paper's own voice. Latin ones count unless they sit inside a longer Latin word
// ("badminton" is not "admin").
const DESK_WORDS = ["관리자", "운영자", "운영진", "운영팀", "편집국", "편집부", "편집장", "admin", "administrator", "moderator"];

// Titles a newsroom signs with, besides each staff member's own; 님 and 씨 as honorifics.
const COMMON_TITLES = ["기자", "선임기자", "수석기자", "인턴기자", "수습기자", "사진기자", "편집국장", "부국장", "국장", "부장", "차장", "팀장", "데스크", "논설위원", "논설실장", "주필", "특파원", "에디터", "발행인", "편집인", "대표", "님", "씨"];

const isLatin = (char: string | undefined) => char !== undefined && /[a-z]/.test(char);

function containsWord(key: string, word: string): boolean {
  for (let at = key.indexOf(word); at !== -1; at = key.indexOf(word, at + 1)) {
    if (!/^[a-z]/.test(word) || !(isLatin(key[at - 1]) && isLatin(key[at + word.length]))) return true;
  }
  return false;
}

/** A check of nicknames against the paper's name, its desk words and `staff` (active staff). */
export function compileImpersonationCheck(paperName: string, staff: readonly StaffName[]): (nickname: string) => Impersonation | null {
  const reserved = [...new Set([paperName, ...DESK_WORDS].map(nicknameKey))].filter((word) => word.length >= 2);
  const titles = [...new Set([...COMMON_TITLES, ...staff.map((member) => member.title)].map(nicknameKey))].filter(Boolean);
  const names = [...new Set(staff.map((member) => nicknameKey(member.name)))].filter((name) => name.length >= 2);
  return (nickname) => {
    const key = nicknameKey(nickname);
    for (const name of names) {
      for (let at = key.indexOf(name); at !== -1; at = key.indexOf(name, at + 1)) {
        const before = key.slice(0, at);
        const after = key.slice(at + name.length);
        // The name alone, or the name with a title before or after it (박서연선임기자, 기자박서연).
        if (before === "" && after === "") return "staff";
        if (titles.some((title) => after.startsWith(title) || before.endsWith(title))) return "staff";
      }
    }
    return reserved.some((word) => containsWord(key, word)) ? "paper" : null;
  };
}
