// The reader's text sizes and where the chosen one is remembered: shared by the tools island and
// the tiny script that applies the saved size before the story is first painted.
export const FONT_SIZES = [15, 16, 18, 20, 22, 25];
export const DEFAULT_FONT_STEP = 2;
export const FONT_STEP_STORAGE_KEY = "newsroom:article-font-step";
