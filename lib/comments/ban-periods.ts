// How long the desk can bar a source from commenting, with the labels the newsroom shows.
// Shared by the form and the domain rule (lib/comments/moderation.ts).
export const BAN_PERIODS = [
  { days: 1, label: "1일" },
  { days: 3, label: "3일" },
  { days: 7, label: "7일" },
  { days: 30, label: "30일" },
  { days: 365, label: "1년" },
] as const;

export const isBanPeriod = (days: number) => BAN_PERIODS.some((period) => period.days === days);
