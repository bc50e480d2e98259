// The portal's service worker. `cargo xtask ship` (trunk's post-build hook) writes dist/sw.js
// from this file, filling in the build's version and its files. One cache per build, answered
// from only by this build's worker, so a page never mixes two builds' files.
const VERSION = "__VERSION__";
const CACHE = "portal-" + VERSION;
// Content-hashed names: the HTTP cache may supply them. The others are fetched past it.
const HASHED = [/* __HASHED__ */];
const PLAIN = [/* __PLAIN__ */];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all([
        ...HASHED.map((url) => cache.add(url)),
        ...PLAIN.map((url) => cache.add(new Request(url, { cache: "reload" }))),
      ]),
    ),
  );
  // No skipWaiting here: a new build waits until the page's Reload asks for it.
});

self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("portal-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Single-page app: every navigation is this build's index.html.
  const key = request.mode === "navigate" ? "/index.html" : url.pathname;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key)).then((hit) => hit || fetch(request)),
  );
});
