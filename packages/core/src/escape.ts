/**
 * Text from models, prompt files and scanners is untrusted when it lands in a PR comment or a
 * summary: it must not inject HTML, markdown structure, or @mention people.
 */
// Quotes need escaping only inside attributes; escaping them here would show `&#39;` in text.
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const XML: Record<string, string> = { ...HTML, '"': '&quot;', "'": '&apos;' };

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Escape untrusted text for inline markdown (one line, e.g. a table cell). */
export function escapeMarkdown(text: string, max = 300): string {
  return (
    truncate(text.replace(/\r?\n|\r/g, ' ⏎ '), max)
      .replace(/[&<>]/g, (c) => HTML[c]!)
      // Markdown punctuation that could start links, emphasis, code, tables or headings.
      .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
      // Break @mentions, issue references and autolinks so GitHub notifies and links nothing.
      .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
      .replace(/#(?=\d)/g, '#\u200b')
      .replace(/:\/\//g, ':\u200b//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
      .replace(/(^|\s)(-{3,}|={3,})/g, '$1\\$2')
  );
}

/** XML 1.0 text: escape markup and drop characters XML cannot carry. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => XML[c]!)
  );
}
