// A claim and its evidence as one HTML file for the 언론중재위원회 (lib/claims/claim-export.ts).
import { exportClaimBundle } from "@/lib/claims/claim-export";
import { attachmentDisposition, DOWNLOAD_HEADERS, staffDownload } from "@/lib/claims/claim-downloads";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffDownload((await params).id, async (staff, claimId) => {
    const bundle = await exportClaimBundle(staff, claimId);
    return new Response(bundle.html, { headers: { "content-type": "text/html; charset=utf-8", "content-disposition": attachmentDisposition(bundle.fileName), ...DOWNLOAD_HEADERS } });
  });
}
