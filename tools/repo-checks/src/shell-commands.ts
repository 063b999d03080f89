/**
 * A small POSIX-shell reader, enough to find the simple commands in CI scripts: quotes, escapes,
 * line continuations, comments, `&&`/`||`/`;`/`|`/`&` separators, redirections, `if/then/fi`
 * keywords and leading `VAR=value` assignments. Variables stay as text (`$GITHUB_SHA`); command
 * substitutions `$(...)` and backticks become one opaque word. It does not run anything.
 */
export function simpleCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    const cleaned = stripRedirections(words);
    if (cleaned.length > 0) commands.push(cleaned);
    words = [];
  };
  const s = script.replace(/\\\r?\n/g, " ");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\") {
      word += s[i + 1] ?? "";
      inWord = true;
      i++;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated single quote in: ${script.slice(i, i + 60)}`);
      word += s.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === "\\" && j + 1 < s.length) j++;
        else if (s[j] === "$" && s[j + 1] === "(") j = skipParens(s, j + 1);
      }
      if (j >= s.length) throw new Error(`unterminated double quote in: ${script.slice(i, i + 60)}`);
      word += s.slice(i + 1, j).replace(/\\(["\\$`])/g, "$1");
      inWord = true;
      i = j;
    } else if (c === "$" && s[i + 1] === "(") {
      const end = skipParens(s, i + 1);
      word += s.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (c === "#" && !inWord) {
      const nl = s.indexOf("\n", i);
      i = nl < 0 ? s.length : nl - 1;
    } else if (c === "\n" || c === ";" || c === "&" || c === "|") {
      if (c === "&" && s[i - 1] === ">")
        word += c; // `2>&1` stays one redirection word
      else {
        endCommand();
        if ((c === "&" || c === "|") && s[i + 1] === c) i++;
      }
    } else if (c === " " || c === "\t" || c === "\r") endWord();
    else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands.map(stripKeywordsAndAssignments).filter((w) => w.length > 0);
}

function skipParens(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === "(") depth++;
    else if (s[j] === ")" && --depth === 0) return j;
  }
  throw new Error(`unterminated $( in: ${s.slice(open, open + 60)}`);
}

/** Drops `> file`, `2>&1`, `< file`, `>> file` (with or without a space before the target). */
function stripRedirections(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const m = /^(\d*)(>>|>|<<<|<)(.*)$/.exec(w);
    if (!m) out.push(w);
    else if (m[3] === "") i++; // the target is the next word
  }
  return out;
}

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "while", "until", "do", "done", "!", "{", "}", "time"]);

function stripKeywordsAndAssignments(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (KEYWORDS.has(words[i]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!))) i++;
  return words.slice(i);
}
