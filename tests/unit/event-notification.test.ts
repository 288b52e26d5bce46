// The trigger's notification carries the event when it fits (prisma/migrations/*_domain_event_notify_payload).
import { describe, expect, it } from "vitest";
import { eventInNotification } from "@/server/response-cache/invalidation-listener";

describe("eventInNotification", () => {
  it("reads the carried event", () => {
    expect(eventInNotification('{"id":7,"type":"comment.posted","payload":{"articleId":3,"commentId":9}}')).toEqual({ type: "comment.posted", payload: { articleId: 3, commentId: 9 } });
  });

  it("returns null for an id alone (a large event: read back) and for anything malformed", () => {
    for (const message of ["42", undefined, "", "{", '{"id":1}', '{"type":5}', "[1]"]) expect(eventInNotification(message), String(message)).toBeNull();
  });
});
