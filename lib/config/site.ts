// What the public site calls itself. SITE_NAME overrides the demo paper's name.
export const siteName = process.env.SITE_NAME?.trim() || "누리일보";
export const siteCopyright = `Copyright © ${siteName}. 무단전재 및 재배포 금지.`;
