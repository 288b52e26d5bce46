// What the admin sends to enter or remove an election (one schema per input; forms and tests alike).
import { z } from "zod";
import { intId, safeText } from "@/lib/schemas/common";

/** A real calendar day, "2028-04-12" (no 2028-02-30). */
const electionDay = z
  .string({ error: "선거일을 2028-04-12 꼴로 적어 주세요." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "선거일을 2028-04-12 꼴로 적어 주세요.")
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "없는 날짜입니다. 선거일을 다시 적어 주세요.");

/** "18:00": 공직선거법 제155조 제1항 (보궐선거 등은 20:00). */
const votingEndsAt = z
  .string({ error: "투표 마감 시각을 18:00 꼴로 적어 주세요." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "투표 마감 시각을 18:00 꼴로 적어 주세요.")
  .default("18:00");

export const createElectionSchema = z.object({
  name: safeText({ min: 1, max: 100, minMessage: "선거 이름을 적어 주세요.", maxMessage: "선거 이름은 100자 이하로 적어 주세요." }),
  electionDay,
  votingEndsAt,
});

export const deleteElectionSchema = z.object({ electionId: intId("선거 번호가 올바르지 않습니다.") });
