// zod's own messages (for checks a schema did not word itself) in Korean: a reader or reporter
// never sees "Too big: expected string to have <=1000 characters". Imported for its effect by
// lib/schemas/common.ts and lib/validation.ts, through which every input schema is built or run.
import { z } from "zod";

z.config(z.locales.ko());
