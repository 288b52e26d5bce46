import Link from "next/link";
import { forbidden } from "next/navigation";
import { adminSettingsFor } from "@/components/newsroom/admin-settings";
import { requireStaffPage } from "@/lib/auth/session";

export default async function AdminSettingsPage() {
  const staff = await requireStaffPage();
  const settings = adminSettingsFor(staff);
  if (settings.length === 0) forbidden();
  return (
    <>
      <h1>관리</h1>
      <ul className="admin-settings">
        {settings.map((setting) => (
          <li key={setting.href}>
            <Link href={setting.href}>{setting.title}</Link>
            <span className="form__hint">{setting.about}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
