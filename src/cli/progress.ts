/** A progress bar on stderr, shown only when stderr is a terminal and there is more than one file. */
export class Progress {
  private readonly on: boolean;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = total > 1 && Boolean(stream.isTTY);
  }

  update(done: number, current: string): void {
    if (!this.on) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const name = current.length > 30 ? `…${current.slice(-29)}` : current;
    this.stream.write(`\r\x1b[K${bar} ${done}/${this.total} ${name}`);
  }

  /** Clears the bar so that a line can be printed in its place. */
  clear(): void {
    if (this.on) this.stream.write('\r\x1b[K');
  }
}
