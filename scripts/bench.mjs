// `npm run bench`: every benchmark in bench/, one after another (they measure wall time).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only.length && !only.some((name) => file.includes(name))) continue;
  console.log(`\n## bench/${file}\n`);
  execFileSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
}
