// The blog's own settings: none so far, as every setting it reads is shared
// (lib/config.js). A setting that only the blog's code needs is declared here;
// lib/config.js reads and checks it with the shared ones and merges it into `config`.

/** Environment variables of its own, as zod schemas by name. */
export const schema = {};

/** What production requires of them (zod's superRefine context): nothing yet. */
export function refine() {}

/** The validated settings, as the rest of the code reads them from `config`. */
export function settingsOf() {
  return {};
}

/** What the schema cannot check, before the server listens: nothing yet. */
export async function checkBeforeStart() {}
