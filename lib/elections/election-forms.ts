import "server-only";
// What the admin's election forms send, read and passed to the domain functions. Kept apart from
// the "use server" module so tests can run each handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { formatKstMinute } from "@/lib/format/korean-time";
import { createElection, deleteElection } from "@/lib/elections/manage-elections";

export const createElectionForm: FormHandler = async (staff, formData) => {
  const election = await createElection(staff, {
    name: formText(formData, "name"),
    electionDay: formText(formData, "electionDay"),
    votingEndsAt: formText(formData, "votingEndsAt") || undefined,
  });
  return {
    status: "ok",
    message: `등록했습니다. ${formatKstMinute(election.pollBlackoutStartsAt)}부터 ${formatKstMinute(election.votingEndsAt)}까지 여론조사 보도는 발행·예약할 수 없습니다.`,
  };
};

export const deleteElectionForm: FormHandler = async (staff, formData) => {
  const id = formText(formData, "electionId")?.trim();
  await deleteElection(staff, { electionId: id ? Number(id) : undefined });
  return { status: "ok", message: "선거를 지웠습니다. 그 기간의 여론조사 보도 제한도 풀렸습니다." };
};
