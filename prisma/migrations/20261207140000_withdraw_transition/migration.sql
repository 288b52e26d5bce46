-- A reporter takes back a story the desk has not approved yet (회수).
ALTER TYPE "TransitionKind" ADD VALUE 'WITHDRAW' AFTER 'RETURN';
