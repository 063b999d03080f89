/** The page's stylesheet: plain CSS, no build step, readable in light and dark mode. */
export const PAGE_CSS = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --ink: #1f2328; --muted: #59636e; --line: #d8dee4;
  --passed: #1a7f37; --failed: #cf222e; --blocked: #8250df; --awaiting: #9a6700; --inProgress: #0969da;
  --other: #6e7781; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --card: #161b22; --ink: #e6edf3; --muted: #9198a1; --line: #30363d;
    --passed: #3fb950; --failed: #f85149; --blocked: #a371f7; --awaiting: #d29922; --inProgress: #4493f8;
    --other: #9198a1; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans",
    "DejaVu Sans", sans-serif; }
header { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; padding: 1rem 2rem;
  border-bottom: 1px solid var(--line); background: var(--card); }
header h1 { font-size: 1.25rem; margin: 0; }
header .meta { color: var(--muted); font-size: .85rem; }
#live { font-size: .8rem; padding: .1rem .55rem; border-radius: 999px; border: 1px solid var(--line);
  color: var(--muted); }
#live.on { color: var(--passed); border-color: var(--passed); }
main { max-width: 1200px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
section.plan { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem;
  margin-bottom: 1.5rem; }
section.plan h2, section.overview h2 { margin: 0 0 .25rem; font-size: 1.1rem; }
section.overview { margin-bottom: 1rem; }
.counts.big li { font-size: 1rem; padding: .3rem .8rem; }
.counts.big b { font-size: 1.2rem; }
section.failures { border-left: 4px solid var(--failed); }
details > summary { cursor: pointer; color: var(--inProgress); margin: .25rem 0 .5rem; }
.sub { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.counts { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: .15rem .6rem; font-size: .85rem; }
.counts b { font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .4rem .5rem; border-top: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em;
  border-top: 0; }
td.num { font-variant-numeric: tabular-nums; }
.status { font-weight: 600; white-space: nowrap; }
.s-passed { color: var(--passed); } .s-failed { color: var(--failed); } .s-blocked { color: var(--blocked); }
.s-awaiting { color: var(--awaiting); } .s-inProgress { color: var(--inProgress); } .s-other { color: var(--other); }
a { color: var(--inProgress); }
.empty { color: var(--muted); font-style: italic; }
.more { color: var(--muted); font-size: .85rem; margin-top: .5rem; }
footer { color: var(--muted); font-size: .8rem; text-align: center; padding-bottom: 2rem; }
`;
