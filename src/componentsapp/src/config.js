// Runtime configuration the server injects into the page (window.__HUDDLE_CONFIG__).
const injected = (typeof window !== 'undefined' && window.__HUDDLE_CONFIG__) || {};
const enabled = new Set(Array.isArray(injected.flags) ? injected.flags : []);

/** Feature flags switched on by the server (APP_BUGS). */
export const flags = {
  noConnectTimeout: enabled.has('no-connect-timeout'),
  cameraNeverPublished: enabled.has('camera-never-published'),
  screenSharePublishesNothing: enabled.has('screen-share-publishes-nothing'),
  noAudioRenderer: enabled.has('no-audio-renderer'),
};

/** How long we wait for the room to connect before telling the user. */
export const CONNECT_TIMEOUT_MS = 15_000;

export const CONNECTION_DETAILS_ENDPOINT = '/api/connection-details';
