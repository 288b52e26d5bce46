import { staffApiRoute } from "@/lib/api/api-route";
import { listSectionsForEditor } from "@/lib/sections/newsroom-sections";

export const GET = staffApiRoute(async ({ staff }) => ({ sections: await listSectionsForEditor(staff) }));
