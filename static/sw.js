// growsim service worker: precaches the app shell so the app loads and plays offline after one visit.
// The build stamps VERSION (a hash of every shipped file) and ASSETS (the file list) into the copy in
// dist/ (scripts/lib/post-build.mjs, a trunk post_build hook), so each deploy gets a new cache and the
// old one is deleted when the new worker activates.
'use strict';

const VERSION = '__GROWSIM_SW_VERSION__';
const ASSETS = [/* __GROWSIM_SW_ASSETS__ */];
const CACHE = `growsim-${VERSION}`;
// How long a page load waits for the network before falling back to the cached page.
const NAVIGATION_TIMEOUT_MS = 4000;

// cache: 'reload' skips the HTTP cache, so a stale index.html from the last deploy is never precached.
self.addEventListener('install', (event) => {
  const requests = ['./', ...ASSETS].map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('growsim-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Pages: network first, so a new deploy shows at once, and the cached page when offline or slow.
// Everything else we precached (content-hashed file names): cache first. Other requests pass through.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
  }
});

async function networkFirst(request) {
  const cached = () => caches.match('./', { cacheName: CACHE });
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('navigation timed out')), NAVIGATION_TIMEOUT_MS)),
    ]);
    return response.ok ? response : (await cached()) || response;
  } catch (error) {
    const page = await cached();
    if (page) return page;
    throw error;
  }
}
