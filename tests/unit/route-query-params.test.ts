// The response cache keys a request by the query parameters its route reads: the table must name
// what the routes really read.
import { describe, expect, it } from "vitest";
import { COMMENT_LIST_PARAMS, queryParamsReadBy, readQueryOnly } from "@/lib/cache/route-query-params";
import { listCommentsQuerySchema } from "@/lib/comments/comment-schemas";

describe("the query parameters each public route reads", () => {
  it("the comment list's are the fields of its query schema", () => {
    expect([...COMMENT_LIST_PARAMS].sort()).toEqual(Object.keys(listCommentsQuerySchema.shape).sort());
  });

  it.each([
    ["/", []],
    ["/articles/1/%EA%B8%B0%EC%82%AC", []],
    ["/sections/economy", ["before", "after"]],
    ["/sections/economy/feed.xml", []],
    ["/tags/%EB%B6%80%EB%8F%99%EC%82%B0", ["before", "after"]],
    ["/reporters/abc", ["before", "after"]],
    ["/search", ["q", "page"]],
    ["/api/v1/articles/12/comments", ["sort", "cursor", "limit"]],
    ["/feed.xml", []],
  ])("%s reads %j", (path, params) => {
    expect(queryParamsReadBy(path)).toEqual(params);
  });

  it("keeps only those, sorted", () => {
    expect(readQueryOnly("/search", new URLSearchParams("utm_source=x&page=2&fbclid=y&q=%EA%B3%A0%EC%96%91")).toString()).toBe("page=2&q=%EA%B3%A0%EC%96%91");
    expect(readQueryOnly("/", new URLSearchParams("page=2")).toString()).toBe("");
  });
});
