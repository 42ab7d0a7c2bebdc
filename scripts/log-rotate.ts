/*
 * Copies its standard input into a log file that rotates by size and by day, keeping a bounded
 * number of compressed old files: `node dist/scripts/log-rotate.js .data/logs/api.log`.
 * start:all pipes the API's and the worker's output through it, so the processes keep logging
 * JSON to stdout (as in containers) and the local log files stay bounded.
 * Settings: LOG_ROTATE_SIZE (default 10M), LOG_ROTATE_INTERVAL (1d), LOG_ROTATE_FILES (10).
 */
import { basename, dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { createStream, RotatingFileStream } from 'rotating-file-stream';

export interface RotationSettings {
  /** Rotate when the file reaches this size (rotating-file-stream syntax: 10M, 500K). */
  size: string;
  /** Rotate at least this often (1d, 12h). */
  interval: string;
  /** Rotated files kept (oldest deleted first). */
  maxFiles: number;
}

export const DEFAULT_ROTATION: RotationSettings = { size: '10M', interval: '1d', maxFiles: 10 };

export function rotationFromEnv(env: NodeJS.ProcessEnv = process.env): RotationSettings {
  const maxFiles = Number(env.LOG_ROTATE_FILES ?? DEFAULT_ROTATION.maxFiles);
  if (!Number.isInteger(maxFiles) || maxFiles < 1 || maxFiles > 1000)
    throw new Error('LOG_ROTATE_FILES must be an integer from 1 to 1000');
  const size = env.LOG_ROTATE_SIZE ?? DEFAULT_ROTATION.size;
  if (!/^\d+[BKMG]$/.test(size)) throw new Error('LOG_ROTATE_SIZE must look like 10M (B, K, M or G)');
  const interval = env.LOG_ROTATE_INTERVAL ?? DEFAULT_ROTATION.interval;
  if (!/^\d+[smhdM]$/.test(interval)) throw new Error('LOG_ROTATE_INTERVAL must look like 1d (s, m, h, d or M)');
  return { size, interval, maxFiles };
}

/** A rotating stream for `file`: rotated copies are `file.1.gz`, `file.2.gz`, … (1 is the newest). */
export function rotatingLog(file: string, settings: RotationSettings): RotatingFileStream {
  const name = basename(file);
  // In the classical (rotate) mode the generator gets the rotated file's number, or null for the current file.
  return createStream((index: number | Date | null) => (index === null ? name : `${name}.${Number(index)}.gz`), {
    path: dirname(file),
    size: settings.size,
    interval: settings.interval,
    rotate: settings.maxFiles,
    compress: 'gzip',
  });
}

/** Pipes `input` into the rotating log until it ends; resolves once everything is written. */
export function copyIntoRotatingLog(input: Readable, file: string, settings: RotationSettings): Promise<void> {
  const out = rotatingLog(file, settings);
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', () => resolve());
    input.pipe(out);
  });
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: log-rotate.js FILE < output');
    process.exit(2);
  }
  // The writer's process ends with its output; keep going until every line is written, even on Ctrl-C.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  copyIntoRotatingLog(process.stdin, file, rotationFromEnv()).catch((e: unknown) => {
    console.error(`log-rotate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
