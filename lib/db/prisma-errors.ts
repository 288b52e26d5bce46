// Database constraint violations, mapped once to domain errors with Korean messages: a unique
// clash is a 409, a reference to something that does not exist a 400, a missing row a 404. They
// are the last line of defence (domain functions check the common cases first, with a field
// name); without this they would be 500s.
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";

interface KnownRequestError {
  name: "PrismaClientKnownRequestError";
  code: string;
  meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string }; originalCode?: string } } };
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

/** The domain error a database error stands for, or null when it is not a known violation. */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  if (error instanceof DomainError || !isKnownRequestError(error)) return null;
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
