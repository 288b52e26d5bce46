import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { listSectionsForEditor } from "@/lib/sections/newsroom-sections";

export const GET = staffApiRoute({ summary: "Active sections in menu order", response: responses.sections, tag: "vocabulary" }, async ({ staff }) => ({
  sections: await listSectionsForEditor(staff),
}));
