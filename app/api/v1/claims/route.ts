// A reader files a claim (정정·반론·추후보도 청구, or a takedown / 임시조치 request) with its
// attachments: multipart, 10 MB of files at most (the host refuses a larger body as it streams).
import { publicApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import type { ReceivedFile } from "@/lib/claims/claim-attachments";
import { ATTACHMENT_LIMITS } from "@/lib/claims/claim-kinds";
import { submitClaimSchema } from "@/lib/claims/claim-schemas";
import { receiveClaim, toClaimReceiptOut } from "@/lib/claims/receive-claim";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { invalid } from "@/lib/errors";

const NOT_MULTIPART = "청구서는 multipart/form-data 양식으로 보내세요.";

/** The form's text fields and files; a body that is not a multipart form is a 400, never a 500. */
async function readClaimForm(request: Request): Promise<{ fields: Record<string, string>; files: ReceivedFile[] }> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw invalid(NOT_MULTIPART);
  const form = await request.formData().catch(() => {
    throw invalid(NOT_MULTIPART);
  });
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    // An empty file input sends a part with no name and no bytes.
    else if (name === "attachments" && (value.size > 0 || value.name !== "")) {
      if (files.length >= ATTACHMENT_LIMITS.maxFiles) throw invalid(`첨부 파일은 ${ATTACHMENT_LIMITS.maxFiles}개까지 올릴 수 있습니다.`);
      files.push({ name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { fields, files };
}

export const POST = publicApiRoute(
  {
    summary: "File a claim with the rights desk (multipart: these fields plus up to 5 attachments named attachments; 201 with the receipt and the private status address)",
    body: submitClaimSchema,
    bodyEncoding: "multipart",
    response: responses.claimReceived,
    successStatus: 201,
    tag: "claims",
  },
  async ({ request }) => {
    const { fields, files } = await readClaimForm(request);
    const received = await receiveClaim(fields, files, commentVisitorFrom(request.headers));
    return Response.json(
      { claim: toClaimReceiptOut(received), message: `접수했습니다. 접수번호는 ${received.receiptNumber}입니다.` },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
);
