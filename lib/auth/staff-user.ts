import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in staff member as every domain function receives it. */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  title: string;
  sessionVersion: number;
  mustChangePassword: boolean;
}

export const staffUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  title: true,
  sessionVersion: true,
  mustChangePassword: true,
  active: true,
} as const;
