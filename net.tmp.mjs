import { launch } from './tests/node/browser.mjs';
import { serve } from './scripts/serve.mjs';
const A = await serve({ port: 0, root: '/tmp/oldwww' });
const B = await serve({ port: 0 });
const urlOf = (s) => `http://127.0.0.1:${s.server.address().port}`;
const sites = { old: urlOf(A), now: urlOf(B) };
const browser = await launch();
const probe = () => {
  window.__hit = null;
  new MutationObserver(() => { if (!window.__hit && document.querySelector('#results li.hit')) window.__hit = performance.now(); }).observe(document, { subtree: true, childList: true });
};
const NETS = {
  'slow4g': { latency: 150, downloadThroughput: (1.6e6 / 8) , uploadThroughput: (750e3 / 8) },
  'fast': { latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) },
};
const res = {};
const runs = Number(process.argv[2] ?? 3);
for (let r = 0; r < runs; r++) for (const net of Object.keys(NETS)) for (const k of r % 2 ? ['now', 'old'] : ['old', 'now']) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await ctx.addInitScript(probe);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETS[net] });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let idx = null;
  ctx.on('requestfinished', (q) => { if (q.url().endsWith('index.bin')) idx = q.timing(); });
  await page.goto(`${sites[k]}/#/?q=rode%20vlaggen`);
  await page.waitForFunction(() => window.__hit, null, { timeout: 60000 });
  const hit = await page.evaluate(() => window.__hit);
  (res[`${net} ${k}`] ??= []).push(hit);
  console.log(r, net, k, Math.round(hit), idx ? `index.bin ttfb ${Math.round(idx.responseStart)} end ${Math.round(idx.responseEnd)}` : '');
  await ctx.close();
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, v] of Object.entries(res)) console.log(k, 'median', Math.round(med(v)), v.map(Math.round).join(' '));
await browser.close(); A.server.close(); B.server.close(); process.exit(0);
