import { escapeXml } from '../escape';
import type { Report, TestCase } from '../report';

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

function renderCase(c: TestCase): string {
  const attrs = `name="${escapeXml(c.name)}" classname="${escapeXml(c.suite)}" time="${seconds(c.timeMs)}"${
    c.file ? ` file="${escapeXml(c.file)}"${c.line ? ` line="${c.line}"` : ''}` : ''
  }`;
  const message = escapeXml(c.message ?? '');
  switch (c.status) {
    case 'passed':
      return `    <testcase ${attrs}/>`;
    case 'skipped':
      return `    <testcase ${attrs}><skipped message="${message}"/></testcase>`;
    case 'failed':
      return `    <testcase ${attrs}><failure message="${message}">${message}</failure></testcase>`;
    case 'error':
      return `    <testcase ${attrs}><error message="${message}">${message}</error></testcase>`;
  }
}

/** JUnit XML (the dialect CI test reporters read): one testsuite per suite name. */
export function renderJunit(report: Report): string {
  const bySuite = new Map<string, TestCase[]>();
  for (const c of report.cases ?? []) bySuite.set(c.suite, [...(bySuite.get(c.suite) ?? []), c]);
  const count = (cases: TestCase[], status: TestCase['status']) =>
    cases.filter((c) => c.status === status).length;
  const total = report.cases ?? [];
  const suites = [...bySuite].map(([name, cases]) => {
    const time = seconds(cases.reduce((t, c) => t + (c.timeMs ?? 0), 0));
    return `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${count(cases, 'failed')}" errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" time="${time}">\n${cases.map(renderCase).join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="llmops ${escapeXml(report.action)}" tests="${total.length}" failures="${count(total, 'failed')}" errors="${count(total, 'error')}" skipped="${count(total, 'skipped')}">\n${suites.join('\n')}\n</testsuites>\n`;
}
