// `npm run lint:deps`, first pass: the layers and no cycles (.dependency-cruiser-rules.mjs says why
// there are two passes). dependency-cruiser rather than eslint-plugin-boundaries: two of the rules
// are about the whole graph, not one import at a time (a cycle; a server-only module reached
// through any chain of imports from a client component), which lint rules cannot check.
import { baseOptions, layerRules } from "./.dependency-cruiser-rules.mjs";

/** @type {import("dependency-cruiser").IConfiguration} */
const config = { forbidden: layerRules, options: { ...baseOptions, tsConfig: { fileName: "tsconfig.json" } } };

export default config;
