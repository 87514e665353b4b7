// The benches' `--name value` options, read one way for all of them.
const args = process.argv.slice(2);

/** The value after `--name` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

/** Whether `--name` (a switch without a value) is on the command line. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}
