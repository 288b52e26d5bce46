import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { queryObject } from "@/lib/api/route-params";
import { tagSearchQuerySchema } from "@/lib/articles/article-input-schema";
import { searchTags } from "@/lib/articles/tags";

// The editor's tag typeahead.
export const GET = staffApiRoute(
  { summary: "Tag typeahead (names containing q, those starting with it first)", query: tagSearchQuerySchema, response: responses.tags, tag: "vocabulary" },
  async ({ request, staff }) => ({ tags: await searchTags(staff, queryObject(request)) }),
);
