// Comment visitors for integration tests, named rather than derived from addresses.
import type { CommentVisitor } from "@/lib/comments/comment-source";

/** A visitor from an IPv4 address: its source is its whole network. */
export const ipv4Visitor = (source: string): CommentVisitor => ({ source, widerSource: source });

/** A visitor from one /64 of an IPv6 /48 (the network shared by all its /64s). */
export const ipv6Visitor = (network: string, subnet: string): CommentVisitor => ({ source: `${network}:${subnet}`, widerSource: network });
