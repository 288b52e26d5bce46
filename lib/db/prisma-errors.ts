// Database constraint violations, mapped once to domain errors with Korean messages: a unique
// clash is a 409, a reference to something that does not exist a 400, a missing row a 404. They
// are the last line of defence (domain functions check the common cases first, with a field
// name); without this they would be 500s.
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";

interface KnownRequestError {
  name: "PrismaClientKnownRequestError";
  code: string;
  meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string }; originalCode?: string; kind?: string } } };
}

// Duck-typed: the class may come from another bundle of the generated client.
function isKnownRequestError(error: unknown): error is KnownRequestError {
  return error instanceof Error && error.name === "PrismaClientKnownRequestError" && typeof Reflect.get(error, "code") === "string";
}

/** Which form field a foreign key belongs to, for the message next to it. */
const FIELD_OF_CONSTRAINT: Record<string, { field: string; message: string }> = {
  Article_sectionId_fkey: { field: "sectionId", message: "고른 섹션이 없습니다. 섹션을 다시 고르세요." },
  Article_heroImageId_fkey: { field: "heroImageId", message: "대표 사진을 찾을 수 없습니다. 사진을 다시 고르세요." },
  User_photoId_fkey: { field: "photo", message: "사진을 찾을 수 없습니다. 다시 올리세요." },
};

export const DATABASE_UNAVAILABLE_MESSAGE = "지금 데이터베이스에 연결할 수 없어 처리하지 못했습니다. 이번 요청은 반영되지 않았습니다. 잠시 뒤 다시 시도하세요.";

// How an unreachable or restarting database shows itself: the driver adapter's error kinds,
// Prisma's connection codes, socket errors from `pg`, and PostgreSQL's own shutdown (57P0x) and
// connection (08xxx) classes.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const isUnreachableSqlState = (code: unknown) => typeof code === "string" && (code.startsWith("57P") || code.startsWith("08"));

/** Whether `error` (or what caused it) says the database could not be reached or went away. */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.name === "PrismaClientInitializationError") return true;
    const code = Reflect.get(current, "code");
    if (typeof code === "string" && (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code) || isUnreachableSqlState(code))) return true;
    if (isKnownRequestError(current)) {
      const cause = current.meta?.driverAdapterError?.cause;
      if ((cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) || isUnreachableSqlState(cause?.originalCode)) return true;
    }
    if (/Connection terminated|Can't reach database server|server closed the connection/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** The domain error a database error stands for, or null when it is not a known violation. */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  if (error instanceof DomainError) return null;
  // A 503 with a Korean message, not a 500: nothing was saved, and trying again later works.
  if (isDatabaseUnreachable(error)) return new DomainError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
  if (!isKnownRequestError(error)) return null;
  const constraint = error.meta?.driverAdapterError?.cause?.constraint?.index;
  // PostgreSQL's class 22 (data exception: NUL or bad bytes in text, numbers or dates out of
  // range, strings too long) means input that slipped past a schema: still the client's input.
  if (error.meta?.driverAdapterError?.cause?.originalCode?.startsWith("22")) {
    return invalid("입력한 값을 저장할 수 없습니다. 쓸 수 없는 문자가 있거나 범위를 벗어났습니다.");
  }
  switch (error.code) {
    case "P2002":
      return conflict("같은 값이 이미 있습니다. 다른 값을 쓰세요.", { constraint });
    case "P2003": {
      const known = constraint ? FIELD_OF_CONSTRAINT[constraint] : undefined;
      return known
        ? invalid(known.message, { fieldErrors: { [known.field]: known.message } })
        : invalid("연결된 항목(섹션, 사진, 기사 등)을 찾을 수 없습니다. 새로고침한 뒤 다시 고르세요.");
    }
    case "P2025":
      return notFound("대상을 찾을 수 없습니다. 이미 지워졌거나 바뀌었을 수 있습니다.");
    case "P2000":
    case "P2020":
      return invalid("입력한 값이 너무 길거나 범위를 벗어났습니다.");
    default:
      return null;
  }
}
