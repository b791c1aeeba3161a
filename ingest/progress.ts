/**
 * Progress of a long ingest: a bar per stage on a terminal (cli-progress), plain lines when
 * the output is a file or a CI log, nothing at all in tests.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** A new stage of `total` steps, each a `unit` ("files", "papers", "steps"). */
  start(stage: string, total: number, unit?: string): void;
  /** `done` steps of the current stage are complete; `detail` says what is being done. */
  update(done: number, detail?: string): void;
  /** The stage ends: `done`, or how it ended otherwise (`stopped` by an error). */
  stop(outcome?: string): void;
  /** A message that must not be lost between bars (a failed file). */
  log(message: string): void;
}

export const SILENT_PROGRESS: Progress = {
  start() {},
  update() {},
  stop() {},
  log() {},
};

/** A progress bar on an interactive terminal; one line per stage and per message otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let current = '';
    return {
      start(stage, total, unit) {
        current = stage;
        // A count of one says nothing.
        const count = unit === undefined ? String(total) : `${total} ${unit}`;
        stream.write(total > 1 ? `${stage} (${count})…\n` : `${stage}…\n`);
      },
      update() {},
      stop(outcome = 'done') {
        if (current) stream.write(`${current}: ${outcome}\n`);
        current = '';
      },
      log(message) {
        stream.write(`${message}\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{stage} [{bar}] {value}/{total} {detail}',
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  return {
    start(stage, total) {
      if (active) bar.stop();
      bar.start(total, 0, { stage: stage.padEnd(18), detail: '' });
      active = true;
    },
    update(done, detail = '') {
      bar.update(done, { detail });
    },
    stop() {
      // The bar stays where it stopped; what follows says why.
      if (active) bar.stop();
      active = false;
    },
    log(message) {
      if (active) bar.stop();
      active = false;
      stream.write(`${message}\n`);
    },
  };
}
