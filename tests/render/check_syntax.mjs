// Syntax-check JavaScript files as `node --check FILE` would, all in one Node process.
//
// Usage: node --experimental-vm-modules --no-warnings check_syntax.mjs FILE...
// Prints a JSON list of {file, line, message}, one per file that does not parse
// (empty when all do), and exits 0; a file is never run, only compiled.
//
// Which grammar a file gets follows Node's own rules: .mjs is an ES module, .cjs is
// CommonJS, and .js follows the nearest package.json's "type"; with no "type",
// Node tries CommonJS and, if that fails, an ES module (syntax detection).
// CommonJS is compiled inside the wrapper Node's loader puts around a module, so a
// top-level `return` parses as it does under Node. ES modules need vm.SourceTextModule,
// which is behind --experimental-vm-modules.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const CJS_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];

function packageType(file) {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      return JSON.parse(readFileSync(manifest, 'utf8')).type ?? null;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function compileCommonJs(source, filename) {
  // A function body may not start with a hashbang; Node's loader allows one.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  vm.compileFunction(body, CJS_PARAMETERS, { filename });
}

function compileModule(source, filename) {
  new vm.SourceTextModule(source, { identifier: filename });
}

function problem(file, error) {
  // V8 puts "file:line" as the first line of a SyntaxError's stack.
  const where = /^(.*):(\d+)$/m.exec(String(error.stack ?? '').split('\n')[0]);
  return { file, line: where ? Number(where[2]) : null, message: `${error.name}: ${error.message}` };
}

function check(file) {
  const source = readFileSync(file, 'utf8');
  const filename = path.resolve(file);
  const extension = path.extname(file);
  const type = extension === '.mjs' ? 'module' : extension === '.cjs' ? 'commonjs' : packageType(file);
  try {
    if (type === 'module') compileModule(source, filename);
    else compileCommonJs(source, filename);
    return null;
  } catch (error) {
    if (type !== null) return problem(file, error);
    try {
      compileModule(source, filename);
      return null;
    } catch {
      return problem(file, error); // the CommonJS error, as Node reports it
    }
  }
}

const problems = [];
for (const file of process.argv.slice(2)) {
  try {
    const found = check(file);
    if (found) problems.push(found);
  } catch (error) {
    problems.push({ file, line: null, message: `${error.name}: ${error.message}` });
  }
}
process.stdout.write(JSON.stringify(problems));
