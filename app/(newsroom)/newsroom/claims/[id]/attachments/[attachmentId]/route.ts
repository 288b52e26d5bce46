// One of a claim's attachments, for the desk only (never a public address), always as a download.
import { attachmentDisposition, DOWNLOAD_HEADERS, staffDownload } from "@/lib/claims/claim-downloads";
import { getClaimAttachment } from "@/lib/claims/claim-queue";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  return staffDownload(id, async (staff, claimId) => {
    const file = await getClaimAttachment(staff, claimId, attachmentId);
    return new Response(new Uint8Array(file.bytes), { headers: { "content-type": file.mimeType, "content-disposition": attachmentDisposition(file.fileName), ...DOWNLOAD_HEADERS } });
  });
}
