/** How the runner waits; injected so tests drive the simulator's virtual clock instead of sleeping. */
export type Sleep = (ms: number) => Promise<void>;

/** Real waiting. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
