/** The secrets one client holds: its password and the Basic token made from it. */
export interface Credentials {
  password: string;
  /** `base64(username:password)`, as sent in `Authorization: Basic ...`. */
  token: string;
}

const REDACTED = "[redacted]";
// A scheme's credentials wherever they appear: `Authorization: Basic xyz`, `Bearer xyz`.
const AUTH_SCHEME = /\b(Basic|Bearer)(\s+)[A-Za-z0-9+/=._~-]+/g;
// Credentials in a URL: `https://user:secret@host`.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;
// Known credential fields: `"password": "..."` in JSON, `password=...` in a query or form.
const KEYS = "password|passwd|pwd|secret|token|api_?key";
const JSON_FIELD = new RegExp(`("(?:${KEYS})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, "gi");
const FORM_FIELD = new RegExp(`\\b((?:${KEYS})=)([^&\\s"']+)`, "gi");

/**
 * True when a password cannot be mistaken for text: letters and something else, 6 characters or
 * more (`s3cr3t-P@ss`). Such a password is removed wherever it appears; one that could be an
 * ordinary word (`wrong`, `password`, `demo`) only where it appears as a credential, so a server
 * message such as "Invalid e-mail or password" keeps its words.
 */
export function looksLikeSecret(password: string): boolean {
  return password.length >= 6 && /\p{L}/u.test(password) && /[^\p{L}]/u.test(password);
}

/**
 * Builds the function that removes credentials from text that came from the server or a
 * dispatcher before it is put into an error: the Basic token anywhere, credentials where they
 * appear as credentials (Authorization schemes, URL user info, `password` fields), and the
 * password itself anywhere only when it {@link looksLikeSecret}.
 * @example createRedactor({ password: "wrong", token })("Wrong e-mail or password") // unchanged
 */
export function createRedactor(credentials: Credentials): (text: string) => string {
  const { password, token } = credentials;
  const bare = looksLikeSecret(password);
  return (text) => {
    let out = token === "" ? text : text.split(token).join(REDACTED);
    out = out
      .replace(AUTH_SCHEME, `$1$2${REDACTED}`)
      .replace(URL_USERINFO, `$1${REDACTED}@`)
      .replace(JSON_FIELD, `$1${REDACTED}$3`)
      .replace(FORM_FIELD, `$1${REDACTED}`);
    return bare && password !== "" ? out.split(password).join(REDACTED) : out;
  };
}
