/** Exit codes of `qac`. */
export const EXIT = {
  /** Success: every plan is valid, the command did what it was asked. */
  OK: 0,
  /** Any other error: bad arguments, unreadable files, network, a bug. */
  ERROR: 1,
  /** `qac plan --detailed-exitcode`: runs would be created. */
  CHANGES_PENDING: 2,
  /** A plan is invalid (its diagnostics say why). */
  INVALID_PLAN: 3,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
