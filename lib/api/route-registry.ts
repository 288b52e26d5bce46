// Every /api/v1 route, listed once with the schemas that validate its input. The hostile-input
// test (tests/e2e/api-fuzz.test.ts) sends generated garbage to each entry as each role, and
// tests/unit/api-route-registry.test.ts fails when a route file exports a method that is not
// listed here: a new route joins both by being added to this list. The OpenAPI document
// (GET /api/v1/openapi.json, lib/api/openapi.ts) is generated from these entries and the same
// zod schemas that validate the requests, so it cannot drift from them.
import type { z } from "zod";
import {
  approveArticleSchema,
  createArticleSchema,
  diffQuerySchema,
  presenceInputSchema,
  restoreRevisionSchema,
  returnArticleSchema,
  saveArticleSchema,
  tagSearchQuerySchema,
  unpublishArticleSchema,
} from "@/lib/articles/article-input-schema";
import { responses } from "@/lib/api/response-schemas";
import { articleListQuerySchema, rescheduleArticleSchema, republishArticleSchema } from "@/lib/articles/desk-input-schema";
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
  /** The JSON body of a successful answer. */
  response: z.ZodType;
  /** 200 unless said otherwise. */
  successStatus?: 200 | 201;
  /** For grouping in the document. */
  tag: "staff" | "articles" | "desk" | "revisions" | "editor" | "media" | "vocabulary" | "comments" | "meta";
}

export const API_ROUTES: ApiRouteSpec[] = [
  { method: "GET", path: "/api/v1/me", summary: "The signed-in staff member", access: "staff", response: responses.profile, tag: "staff" },
  { method: "PATCH", path: "/api/v1/me", summary: "Update one's own profile", access: "staff", body: updateOwnProfileSchema, response: responses.profile, tag: "staff" },
  { method: "GET", path: "/api/v1/articles", summary: "Stories the caller may read, newest first, filtered, by cursor (pass nextCursor as cursor)", access: "staff", query: articleListQuerySchema, response: responses.articleList, tag: "articles" },
  { method: "POST", path: "/api/v1/articles", summary: "Create a draft", access: "staff", body: createArticleSchema, response: responses.article, successStatus: 201, tag: "articles" },
  { method: "GET", path: "/api/v1/articles/{id}", summary: "One story's working copy, with the transitions the caller may make now", access: "staff", response: responses.articleWithTransitions, tag: "articles" },
  { method: "PATCH", path: "/api/v1/articles/{id}", summary: "Save a story (version-checked; only the fields sent change)", access: "staff", body: saveArticleSchema, response: responses.article, tag: "articles" },
  { method: "POST", path: "/api/v1/articles/{id}/submit", summary: "Submit to the desk (the submission checks must pass)", access: "staff", response: responses.article, tag: "desk" },
  { method: "POST", path: "/api/v1/articles/{id}/return", summary: "Return to the reporter with a note", access: "staff", body: returnArticleSchema, response: responses.article, tag: "desk" },
  {
    method: "POST",
    path: "/api/v1/articles/{id}/approve",
    summary: "Approve the reviewed version: publish now or at publishAt; a pending update as 수정 (UPDATE), 정정 (CORRECTION) or 반론 (REPLY, with correctionNote)",
    access: "staff",
    body: approveArticleSchema,
    response: responses.article,
    tag: "desk",
  },
  { method: "PUT", path: "/api/v1/articles/{id}/schedule", summary: "Move a scheduled story's time (before it comes)", access: "staff", body: rescheduleArticleSchema, response: responses.article, tag: "desk" },
  { method: "DELETE", path: "/api/v1/articles/{id}/schedule", summary: "Cancel a schedule before its time: the story goes back to the desk", access: "staff", response: responses.article, tag: "desk" },
  { method: "POST", path: "/api/v1/articles/{id}/unpublish", summary: "Take a story off the site (its address answers 410 Gone)", access: "staff", body: unpublishArticleSchema, response: responses.article, tag: "desk" },
  { method: "POST", path: "/api/v1/articles/{id}/republish", summary: "Put an unpublished story back, as approved, with a reason", access: "staff", body: republishArticleSchema, response: responses.article, tag: "desk" },
  { method: "GET", path: "/api/v1/articles/{id}/history", summary: "Every transition and revision: who, when, note; newest first", access: "staff", response: responses.history, tag: "revisions" },
  { method: "GET", path: "/api/v1/articles/{id}/revisions", summary: "A story's revisions, newest first", access: "staff", response: responses.revisions, tag: "revisions" },
  { method: "GET", path: "/api/v1/articles/{id}/revisions/{n}", summary: "One revision's content", access: "staff", response: responses.revision, tag: "revisions" },
  { method: "POST", path: "/api/v1/articles/{id}/revisions/{n}/restore", summary: "Restore a revision into the working copy (version-checked)", access: "staff", body: restoreRevisionSchema, response: responses.article, tag: "revisions" },
  { method: "GET", path: "/api/v1/articles/{id}/diff", summary: "Word-level diff between two revisions, the working copy (current) or the live revision (live)", access: "staff", query: diffQuerySchema, response: responses.diff, tag: "revisions" },
  { method: "POST", path: "/api/v1/articles/{id}/presence", summary: "Editor heartbeat: hold, see or take over the story", access: "staff", body: presenceInputSchema, response: responses.presence, tag: "editor" },
  { method: "DELETE", path: "/api/v1/articles/{id}/presence", summary: "Release the story (editor page closed)", access: "staff", response: responses.ok, tag: "editor" },
  { method: "GET", path: "/api/v1/media", summary: "The media library, newest first, searchable", access: "staff", query: mediaListQuerySchema, response: responses.mediaList, tag: "media" },
  {
    method: "POST",
    path: "/api/v1/media",
    summary: "Upload an image (multipart: file plus these fields; up to 20 MB)",
    access: "staff",
    body: mediaUploadFieldsSchema,
    bodyEncoding: "multipart",
    response: responses.media,
    successStatus: 201,
    tag: "media",
  },
  { method: "GET", path: "/api/v1/media/{id}", summary: "One library image", access: "staff", response: responses.media, tag: "media" },
  { method: "PATCH", path: "/api/v1/media/{id}", summary: "Edit an image's alt text, caption, credit", access: "staff", body: mediaUpdateSchema, response: responses.media, tag: "media" },
  { method: "GET", path: "/api/v1/tags", summary: "Tag typeahead (names containing q, those starting with it first)", access: "staff", query: tagSearchQuerySchema, response: responses.tags, tag: "vocabulary" },
  { method: "GET", path: "/api/v1/sections", summary: "Active sections in menu order", access: "staff", response: responses.sections, tag: "vocabulary" },
  { method: "GET", path: "/api/v1/openapi.json", summary: "This document (OpenAPI 3.1)", access: "public", response: responses.openApi, tag: "meta" },
  { method: "GET", path: "/api/v1/articles/{id}/comments", summary: "A public story's visible comments, cursor-paged, with the count", access: "public", query: listCommentsQuerySchema, response: responses.commentList, tag: "comments" },
  { method: "POST", path: "/api/v1/articles/{id}/comments", summary: "Post a guest comment (201 posted, 202 held for review, 429 flooding)", access: "public", body: postCommentSchema, response: responses.commentPosted, successStatus: 201, tag: "comments" },
  { method: "POST", path: "/api/v1/comments/{id}/report", summary: "Report a comment (once per visitor)", access: "public", body: reportCommentSchema, response: responses.commentAction, tag: "comments" },
  { method: "POST", path: "/api/v1/comments/{id}/like", summary: "Like (공감) a comment (once per visitor)", access: "public", response: responses.commentAction, tag: "comments" },
  { method: "DELETE", path: "/api/v1/comments/{id}", summary: "Delete a comment: its guest password, or staff who may moderate", access: "public", body: deleteCommentSchema, response: responses.commentAction, tag: "comments" },
];
