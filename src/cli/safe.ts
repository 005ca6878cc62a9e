/**
 * Terminal-safe lines. Whatever a workbook holds (a 地区名称, a sheet name, a message quoting a
 * cell) is printed as text and never acts on the terminal: escape sequences (colours, cursor
 * moves, window titles), carriage returns and line breaks that could forge a line such as
 * “可以报送”, other control characters and bidirectional overrides each become a visible �.
 */

/** ESC or CSI sequences: CSI …final, OSC …BEL/ST, DCS/SOS/PM/APC …ST, or a two-character escape. */
const ESCAPE =
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -~])?|\u009b[0-?]*[ -/]*[@-~]?/g;
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeLine(line: string): string {
  return line.replace(ESCAPE, '\ufffd').replace(CONTROL, '\ufffd');
}

/** The same output, every line made safe. */
export function safeIo<T extends { out: (line: string) => void; err: (line: string) => void }>(io: T): T {
  return { ...io, out: (line: string) => io.out(safeLine(line)), err: (line: string) => io.err(safeLine(line)) };
}
