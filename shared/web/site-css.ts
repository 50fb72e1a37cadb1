/**
 * The web app's one stylesheet: plain CSS, no build step. Kept as a module so
 * every bundle carries it without file copying; served under a content hash.
 * Colours meet WCAG AA contrast on their backgrounds; focus is always visible.
 */
export const SITE_CSS = `
:root{--ink:#1b1b1f;--muted:#55555f;--line:#d9d9df;--bg:#fff;--soft:#f5f5f7;--accent:#0b57d0;--accent-ink:#fff;--warn:#8a1c1c;--ok:#0f5c2e;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}
.skip:focus{left:.5rem;z-index:10}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
header.site .bar{max-width:64rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
header.site .brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--ink)}
header.site nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:0;padding:0}
header.site form{display:inline;margin:0}
main{max-width:64rem;margin:0 auto;padding:1rem}
footer.site{max-width:64rem;margin:2rem auto;padding:1rem;color:var(--muted);border-top:1px solid var(--line);font-size:.9rem}
h1{font-size:1.8rem;line-height:1.2;margin:.4rem 0 .8rem}
h2{font-size:1.3rem;margin:1.6rem 0 .6rem}
.muted{color:var(--muted)}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.8rem 1rem;background:var(--bg)}
.card h3{font-size:1.05rem;margin:.2rem 0 .4rem}
.card h3 a{color:var(--ink);text-decoration:none}
.card h3 a:hover{text-decoration:underline}
.card img{width:100%;height:auto;max-height:12rem;border-radius:.3rem;aspect-ratio:16/9;object-fit:cover;background:var(--soft)}
.meta{font-size:.85rem;color:var(--muted)}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.05rem .45rem;border-radius:1rem;border:1px solid currentColor}
.badge.open{color:var(--ok)}
.badge.locked{color:var(--muted)}
article.story{max-width:42rem}
article.story .lede{font-size:1.15rem;color:var(--muted)}
article.story figure{margin:1rem 0}
article.story img{max-width:100%;height:auto}
.paywall{border:2px solid var(--accent);border-radius:.6rem;padding:1rem 1.2rem;margin:1.5rem 0;background:var(--soft);max-width:42rem}
.paywall h2{margin-top:0}
.paywall ul{list-style:none;padding:0;margin:.6rem 0;display:grid;gap:.6rem}
.paywall li{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;background:var(--bg);border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem}
button,.button{font:inherit;font-weight:600;border:0;border-radius:.4rem;padding:.5rem 1rem;background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:var(--bg);color:var(--accent);border:1px solid var(--accent)}
button.link{background:none;color:var(--accent);padding:0;font-weight:400;text-decoration:underline}
button.danger{background:var(--warn);color:#fff}
label:has(input[type=checkbox]){display:flex;align-items:center;gap:.4rem;font-weight:400}
form.stack{display:grid;gap:.8rem;max-width:24rem}
label{font-weight:600;display:grid;gap:.25rem}
input,select,textarea{font:inherit;padding:.45rem .6rem;border:1px solid #8a8a94;border-radius:.35rem;background:var(--bg);color:var(--ink)}
textarea{min-height:6rem}
.notice{border-left:4px solid var(--accent);background:var(--soft);padding:.6rem .9rem;margin:0 0 1rem}
.notice.error{border-color:var(--warn);color:var(--warn)}
strong.error{color:var(--warn)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.posts{list-style:none;padding:0;margin:0;display:grid;gap:.8rem}
.post{border:1px solid var(--line);border-radius:.5rem;padding:.8rem 1rem}
.post .card{margin-top:.6rem;max-width:34rem}
.row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
code.key{word-break:break-all;background:var(--soft);padding:.2rem .4rem}
`;
