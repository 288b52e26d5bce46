// PDF files for the claim attachment tests, made with pdf-lib: a plain one, and hostile ones that
// carry a script (in an object stream, where a byte scan would not see it), an embedded file, or
// only a PDF header in front of something else.
import { PDFDocument, PDFName, PDFString } from "pdf-lib";

export async function plainPdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let page = 0; page < pages; page++) doc.addPage([595, 842]).drawText(`page ${page + 1}`, { x: 50, y: 780, size: 18 });
  doc.setTitle("claimant metadata title");
  return Buffer.from(await doc.save());
}

/** A PDF that runs JavaScript when opened; saved with object streams (pdf-lib's default), so the action is compressed. */
export async function pdfWithOpenActionScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('x')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
  if (bytes.includes(Buffer.from("JavaScript"))) throw new Error("fixture: the script should be compressed away from a byte scan");
  return bytes;
}

/** A PDF carrying an embedded file (an executable could ride along). */
export async function pdfWithEmbeddedFile(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(Buffer.from("MZ not really an exe"), "payload.exe", { mimeType: "application/octet-stream" });
  return Buffer.from(await doc.save());
}

/** "%PDF-" and then an HTML page with a script. */
export const PDF_HEADER_OVER_HTML = Buffer.from("%PDF-1.7\n<html><script>alert(1)</script></html>");
