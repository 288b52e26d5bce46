import { staffApiRoute } from "@/lib/api/api-route";
import { queryObject } from "@/lib/api/route-params";
import { searchTags } from "@/lib/articles/tags";

// GET /api/v1/tags?q=: the editor's tag typeahead.
export const GET = staffApiRoute(async ({ request, staff }) => ({ tags: await searchTags(staff, queryObject(request)) }));
