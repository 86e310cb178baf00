// Loads a page in Debian's Chromium at a given width and pixel density, scrolls to its end so
// every lazy photo loads, and prints the bytes of each image it downloaded (JSON on stdout).
// Usage: node weigh.mjs URL WIDTH DENSITY
import puppeteer from "puppeteer-core";

const [url, width, density] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage();
await page.setViewport({ width, height: 800, deviceScaleFactor: density, isMobile: width < 600, hasTouch: width < 600 });
await page.setCacheEnabled(false);
const client = await page.createCDPSession();
await client.send("Network.enable");
const requests = new Map();
client.on("Network.responseReceived", (event) => {
  if (event.type === "Image") requests.set(event.requestId, { url: event.response.url, bytes: 0 });
});
client.on("Network.loadingFinished", (event) => {
  const image = requests.get(event.requestId);
  if (image) image.bytes = event.encodedDataLength;
});
await page.goto(url, { waitUntil: "networkidle0" });
// Scroll a screen at a time to the end, as a reader does, letting lazy photos load.
for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
  await page.evaluate((top) => window.scrollTo(0, top), y);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
await page.waitForNetworkIdle({ idleTime: 500 });
const images = [...requests.values()];
console.log(JSON.stringify({ url, width, density, total: images.reduce((sum, i) => sum + i.bytes, 0), images }));
await browser.close();
