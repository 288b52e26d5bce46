// The Tiptap extensions that define the article body's schema. The server renders stored JSON
// with exactly these, and the editor (client) must load the same set, so what a reporter sees
// while writing is what readers get.
import StarterKit from "@tiptap/starter-kit";

export const articleBodyExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
    },
  }),
];
