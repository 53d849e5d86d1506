// Expressive Code links its stylesheet from the first code block, in the middle of <body>. The
// browser paints what comes before it, then restyles and lays out the whole page again when the
// sheet arrives: on a phone that second pass is the longest task of a content page (Lighthouse
// mobile, ~100 ms of blocking time). In <head> the sheet loads with the others, before the
// first paint, and the page is laid out once.

const CODE_STYLESHEET = /<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"\s*\/?>/;

/** The page with Expressive Code's stylesheet link moved to the end of <head>; unchanged if none. */
export function hoistCodeStylesheet(html) {
  const link = html.match(CODE_STYLESHEET)?.[0];
  const headEnd = html.indexOf('</head>');
  if (!link || headEnd < 0 || html.indexOf(link) < headEnd) return html;
  const withoutLink = html.replace(link, '');
  return withoutLink.replace('</head>', `${link}</head>`);
}
