// @kubernetes/client-node's URL dependencies load Node's deprecated `punycode` module. Inside a
// bundle (not under node_modules) Node prints DEP0040 on every run: noise that users cannot act on.
// Imported before the client so the filter is in place when that module loads.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code = typeof rest[0] === 'object' ? (rest[0] as { code?: string } | null)?.code : rest[1];
  if (code === 'DEP0040') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
