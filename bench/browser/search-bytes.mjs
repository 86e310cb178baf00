// What one search costs a reader: serves a built site from SITE_DIR on a loopback port (plain
// files, no compression, as bytes on disk), opens its search page with ?q=QUERY in Debian's
// Chromium, waits for the results, and prints what the server sent: from the index (pagefind/,
// the worker's requests included) and in all (JSON lines on stdout). The site is built for the
// root path (base_url with no path). Usage: node search-bytes.mjs SITE_DIR SEARCH_PATH QUERY...
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import puppeteer from "puppeteer-core";

const [root, searchPath, ...queries] = process.argv.slice(2);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
let sent = [];
const server = createServer(async (request, response) => {
  let path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (path.endsWith("/")) path += "index.html";
  try {
    const body = await readFile(join(root, path));
    sent.push({ path, bytes: body.length });
    response.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
for (const query of queries) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  sent = [];
  const started = Date.now();
  await page.goto(`${origin}${searchPath}?q=${encodeURIComponent(query)}`, { waitUntil: "networkidle0" });
  // The status line holds the no-script notice until the script writes the count in its place.
  await page.waitForFunction(() => {
    const status = document.querySelector("[data-search-status]");
    return !status.querySelector("noscript") && status.textContent.length > 0;
  }, { timeout: 60000 });
  const milliseconds = Date.now() - started;
  const first = await page.$$eval(".search-results li h2 a", (links) => links[0]?.textContent ?? null);
  const index = sent.filter((r) => r.path.startsWith("/pagefind/"));
  console.log(JSON.stringify({
    query,
    status: await page.$eval("[data-search-status]", (p) => p.textContent),
    first,
    indexKB: Math.round(index.reduce((sum, r) => sum + r.bytes, 0) / 1024),
    indexFiles: index.length,
    totalKB: Math.round(sent.reduce((sum, r) => sum + r.bytes, 0) / 1024),
    milliseconds,
  }));
  await page.close();
}
await browser.close();
server.close();
