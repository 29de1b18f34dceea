/** Where a command writes what it prints: the process's streams, or a test's buffers. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** whether stderr is a terminal (progress is drawn only there) */
  stderrIsTty: boolean;
}
