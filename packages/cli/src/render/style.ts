import { styleText } from "node:util";

/** The few text styles qac uses. */
export type StyleFormat = "red" | "green" | "yellow" | "dim" | "bold";

/** Styles `text` when colour is on, returns it unchanged otherwise. */
export type Style = (format: StyleFormat, text: string) => string;

/**
 * The CLI's one colour helper, on `node:util`'s `styleText`. Whether to colour is decided once per
 * stream by {@link useColor} (TTY, `NO_COLOR`, `FORCE_COLOR` of the injected environment), so
 * `styleText` is told not to look at the real process's streams itself.
 * @example createStyle(useColor(io.stdout, io.env))("green", "Passed")
 */
export function createStyle(enabled: boolean): Style {
  return enabled ? (format, text) => styleText(format, text, { validateStream: false }) : (_format, text) => text;
}
