// Every /api/v1 route, listed once with the schemas that validate its input. The hostile-input
// test (tests/e2e/api-fuzz.test.ts) sends generated garbage to each entry as each role, and
// tests/unit/api-route-registry.test.ts fails when a route file exports a method that is not
// listed here: a new route joins both by being added to this list. (The OpenAPI document can be
// generated from the same entries.)
import type { z } from "zod";
import {
  approveArticleSchema,
  articleContentSchema,
  diffQuerySchema,
  presenceInputSchema,
  restoreRevisionSchema,
  returnArticleSchema,
  saveArticleSchema,
  tagSearchQuerySchema,
  unpublishArticleSchema,
} from "@/lib/articles/article-input-schema";
import { deleteCommentSchema, listCommentsQuerySchema, postCommentSchema, reportCommentSchema } from "@/lib/comments/comment-schemas";
import { mediaListQuerySchema, mediaUpdateSchema, mediaUploadFieldsSchema } from "@/lib/media/media-schemas";
import { updateOwnProfileSchema } from "@/lib/staff/staff-schemas";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ApiRouteSpec {
  method: HttpMethod;
  /** The path with `{name}` for each dynamic segment, e.g. /api/v1/articles/{id}. */
  path: string;
  summary: string;
  /** Who may call it at all: anyone (public reader endpoints) or signed-in staff. */
  access: "public" | "staff";
  body?: z.ZodType;
  query?: z.ZodType;
  /** How the body is sent; JSON unless said otherwise. */
  bodyEncoding?: "json" | "multipart";
}

export const API_ROUTES: ApiRouteSpec[] = [
  { method: "GET", path: "/api/v1/me", summary: "The signed-in staff member", access: "staff" },
  { method: "PATCH", path: "/api/v1/me", summary: "Update one's own profile", access: "staff", body: updateOwnProfileSchema },
  { method: "GET", path: "/api/v1/articles", summary: "Stories the caller may read", access: "staff" },
  { method: "POST", path: "/api/v1/articles", summary: "Create a draft", access: "staff", body: articleContentSchema },
  { method: "GET", path: "/api/v1/articles/{id}", summary: "One story's working copy", access: "staff" },
  { method: "PATCH", path: "/api/v1/articles/{id}", summary: "Save a story (version-checked)", access: "staff", body: saveArticleSchema },
  { method: "POST", path: "/api/v1/articles/{id}/submit", summary: "Submit to the desk", access: "staff" },
  { method: "POST", path: "/api/v1/articles/{id}/return", summary: "Return to the reporter with a note", access: "staff", body: returnArticleSchema },
  { method: "POST", path: "/api/v1/articles/{id}/approve", summary: "Approve: publish now, at a time, or approve an update", access: "staff", body: approveArticleSchema },
  { method: "POST", path: "/api/v1/articles/{id}/unpublish", summary: "Take a story off the site", access: "staff", body: unpublishArticleSchema },
  { method: "GET", path: "/api/v1/articles/{id}/revisions", summary: "A story's revisions, newest first", access: "staff" },
  { method: "GET", path: "/api/v1/articles/{id}/revisions/{n}", summary: "One revision's content", access: "staff" },
  { method: "POST", path: "/api/v1/articles/{id}/revisions/{n}/restore", summary: "Restore a revision into the working copy (version-checked)", access: "staff", body: restoreRevisionSchema },
  { method: "GET", path: "/api/v1/articles/{id}/diff", summary: "Word-level diff between two revisions, the working copy or the live revision", access: "staff", query: diffQuerySchema },
  { method: "POST", path: "/api/v1/articles/{id}/presence", summary: "Editor heartbeat: hold, see or take over the story", access: "staff", body: presenceInputSchema },
  { method: "DELETE", path: "/api/v1/articles/{id}/presence", summary: "Release the story (editor page closed)", access: "staff" },
  { method: "GET", path: "/api/v1/media", summary: "The media library, newest first, searchable", access: "staff", query: mediaListQuerySchema },
  { method: "POST", path: "/api/v1/media", summary: "Upload an image (multipart: file plus these fields; up to 20 MB)", access: "staff", body: mediaUploadFieldsSchema, bodyEncoding: "multipart" },
  { method: "GET", path: "/api/v1/media/{id}", summary: "One library image", access: "staff" },
  { method: "PATCH", path: "/api/v1/media/{id}", summary: "Edit an image's alt text, caption, credit", access: "staff", body: mediaUpdateSchema },
  { method: "GET", path: "/api/v1/tags", summary: "Tag typeahead", access: "staff", query: tagSearchQuerySchema },
  { method: "GET", path: "/api/v1/sections", summary: "Active sections in menu order", access: "staff" },
  { method: "GET", path: "/api/v1/articles/{id}/comments", summary: "A public story's visible comments, cursor-paged, with the count", access: "public", query: listCommentsQuerySchema },
  { method: "POST", path: "/api/v1/articles/{id}/comments", summary: "Post a guest comment (201 posted, 202 held for review, 429 flooding)", access: "public", body: postCommentSchema },
  { method: "POST", path: "/api/v1/comments/{id}/report", summary: "Report a comment (once per visitor)", access: "public", body: reportCommentSchema },
  { method: "POST", path: "/api/v1/comments/{id}/like", summary: "Like (공감) a comment (once per visitor)", access: "public" },
  { method: "DELETE", path: "/api/v1/comments/{id}", summary: "Delete a comment: its guest password, or staff who may moderate", access: "public", body: deleteCommentSchema },
];
