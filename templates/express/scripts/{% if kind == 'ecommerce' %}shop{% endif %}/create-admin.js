// `make create-admin EMAIL=...`: admins are made here, never through the API.
// An existing account with this e-mail becomes an admin, with this password.
//
//     node scripts/shop/create-admin.js EMAIL [NAME]
//
// The password is asked for (not shown while typed), or read from ADMIN_PASSWORD when
// no one is at the keyboard (a deploy script). Never on the command line: that would
// leave it in the shell's history and show it to anyone who lists the processes.
import { createInterface } from 'node:readline/promises';

import { registerSchema } from '../../src/shop/accounts/accounts.schemas.js';
import { createAdmin } from '../../src/shop/accounts/accounts.service.js';
import { db } from '../../src/lib/db.js';

const USAGE = 'Usage: make create-admin EMAIL=you@example.com (it asks for the password)';

/** Ask on the terminal without echoing what is typed; or read one line from a pipe. */
async function askPassword() {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (process.stdin.isTTY) {
    process.stdout.write('Password for the admin: ');
    // Whatever readline would echo is dropped, so the password never appears on screen.
    prompt._writeToOutput = () => {};
  }
  try {
    return await prompt.question('');
  } finally {
    prompt.close();
    if (process.stdin.isTTY) process.stdout.write('\n');
  }
}

const [email, name = 'Admin', ...extra] = process.argv.slice(2);
if (!email || extra.length) {
  console.error(USAGE);
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD || (await askPassword());
// The same rules as registration: a valid e-mail, a password of 8 characters or more.
const parsed = registerSchema.safeParse({ email, password, name });
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  console.error(`Cannot create the admin: ${problems.join('; ')}`);
  console.error(USAGE);
  process.exit(2);
}
try {
  const admin = await createAdmin(parsed.data);
  console.log(`${admin.email} is an admin.`);
} finally {
  await db.destroy();
}
