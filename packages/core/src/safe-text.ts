/**
 * Text from outside (server error bodies, model answers, file contents) must not steer the
 * runner. The runner reads stdout line by line and runs any line starting with `::` (or the old
 * `##[`) as a workflow command, and it splits on `\r` as well as `\n`: `boom\r::notice::X` would
 * be a command. Every line we log goes through here.
 */

// Every line break a reader might split on: CRLF, LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR.
const BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const BREAKS_ALL = new RegExp(BREAKS.source, 'g');
// C0 and C1 controls (and DEL) other than tab and the breaks above: terminal escapes, NUL, bells.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// A line the runner would take as a workflow command, once leading whitespace is trimmed.
const COMMAND_START = /^(\s*)(::|##\[)/;

/** Safe log lines: split on every kind of break, controls dropped, none starting a workflow command. */
export function logLines(text: string): string[] {
  return text
    .replace(CONTROLS, '')
    .split(BREAKS_ALL)
    .map((line) =>
      line.replace(
        COMMAND_START,
        (_, space: string, start: string) => `${space}${start[0]} ${start.slice(1)}`,
      ),
    );
}

/**
 * Text for a workflow command's message (warnings, errors, the failure line): `@actions/core`
 * escapes `\r`, `\n` and `%` there, so only the other breaks and the controls need removing.
 */
export function commandText(text: string): string {
  return text.replace(CONTROLS, '').replace(/[\v\f\u0085\u2028\u2029]/g, ' ');
}

/** Markdown for a summary or comment: controls dropped, every break a plain `\n` (tabs kept). */
export function stripControls(markdown: string): string {
  return markdown.replace(CONTROLS, '').replace(BREAKS_ALL, '\n');
}
