// The paper's service worker for Web Push (lib/push): it shows the notification the newsroom sent
// and opens the story when the reader taps it. It caches nothing and touches no request: its scope
// is the whole site only because a push subscription belongs to a worker's registration.
// The payload is the JSON of lib/push/push-notification.ts: title, body, url (a path on this
// site), icon, tag.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let message = null;
  try {
    message = event.data ? event.data.json() : null;
  } catch {
    message = null;
  }
  if (!message || typeof message.title !== "string") return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: typeof message.body === "string" ? message.body : "",
      icon: typeof message.icon === "string" ? message.icon : undefined,
      tag: typeof message.tag === "string" ? message.tag : undefined,
      lang: "ko",
      data: { url: typeof message.url === "string" ? message.url : "/" },
    }),
  );
});

/** The story's address on this site; anything pointing elsewhere opens the front page instead. */
function storyUrl(notification) {
  const url = new URL(notification.data && notification.data.url ? notification.data.url : "/", self.location.origin);
  return url.origin === self.location.origin ? url.href : self.location.origin + "/";
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = storyUrl(event.notification);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === target);
      if (open) return open.focus();
      return self.clients.openWindow(target);
    }),
  );
});

// The push service replaced this browser's subscription (it expired, or was rotated). Without this
// the reader would silently stop getting notifications: the worker subscribes again with the old
// subscription's key when the browser has not already, and asks the newsroom to move the old
// subscription's topics to the new one. The old one's auth secret, which only this browser and the
// newsroom know, proves that the caller held it (POST /api/v1/push/resubscribe, lib/push).
// Without the old subscription there is nothing to prove: the reader presses 알림 받기 again.
self.addEventListener("pushsubscriptionchange", (event) => {
  const previous = event.oldSubscription;
  if (!previous) return;
  event.waitUntil(moveToNewSubscription(previous, event.newSubscription));
});

async function moveToNewSubscription(previous, replacement) {
  const old = previous.toJSON();
  if (!old.keys || !old.keys.auth) return;
  const subscription =
    replacement || (await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: previous.options.applicationServerKey }));
  await fetch("/api/v1/push/resubscribe", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ previous: { endpoint: old.endpoint, auth: old.keys.auth }, subscription: subscription.toJSON() }),
  });
}
