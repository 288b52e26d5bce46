// `npm run lint:deps`, second pass: client modules never reach a server-only one.
import { clientOptions, clientRules } from "./.dependency-cruiser-rules.mjs";

/** @type {import("dependency-cruiser").IConfiguration} */
const config = { forbidden: clientRules(import.meta.dirname), options: { ...clientOptions(import.meta.dirname), tsConfig: { fileName: "tsconfig.json" } } };

export default config;
